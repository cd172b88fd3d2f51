import { data, redirect } from '@remix-run/node';
import { clientOf, createApiClient, apiErrorKind, apiFieldErrors, type ApiErrorKind } from '@switchboard/trpc-client';
import { config } from './config.server';
import { redirectToLogin, type WorkspaceSession } from './session.server';

export { apiErrorKind, apiFieldErrors };

/** What an error page receives: enough to say what happened. */
export interface ErrorPayload {
  kind: ApiErrorKind | 'not_found';
  message: string;
}

export function unreachableMessage(): string {
  return `Switchboard's API is not reachable at ${config.apiUrl}`;
}

/** An API client without a token, for signing in; the API records the browser's address and user agent from `request`. */
export function anonymousApi(request: Request) {
  return createApiClient({ url: config.apiUrl, ...clientOf(request) });
}

/** An API client for a token that is not (yet) in the session. */
export function apiAs(token: string, request: Request) {
  return createApiClient({ url: config.apiUrl, token, ...clientOf(request) });
}

export function notFound(message: string): never {
  throw data<ErrorPayload>({ kind: 'not_found', message }, { status: 404 });
}

/**
 * Turns an API error a page cannot handle itself into the right response: sign-out and a redirect on
 * UNAUTHORIZED, an error page with 503 when the API is down, 403/404 otherwise.
 * Actions handle BAD_REQUEST (field errors) and CONFLICT themselves before calling this.
 */
export async function apiFailure(
  error: unknown,
  request: Request,
  session: WorkspaceSession,
  messages: { notFound?: string; forbidden?: string } = {},
): Promise<never> {
  const kind = apiErrorKind(error);
  // The admins require two-factor for this role and this session has not passed it: set it up first.
  if (kind === 'forbidden' && domainCodeOf(error) === 'AUTH_TWO_FACTOR_SETUP_REQUIRED') throw redirect('/account?twoFactor=required');
  switch (kind) {
    case 'unauthorized':
      return redirectToLogin(request, session);
    case 'unreachable':
      throw data<ErrorPayload>({ kind, message: unreachableMessage() }, { status: 503 });
    case 'forbidden':
      throw data<ErrorPayload>(
        { kind, message: messages.forbidden ?? 'Your role does not allow this. Ask an admin if you need access.' },
        { status: 403 },
      );
    case 'not_found':
      throw data<ErrorPayload>({ kind, message: messages.notFound ?? 'That record does not exist.' }, { status: 404 });
    case 'bad_request':
      throw data<ErrorPayload>({ kind, message: errorText(error, 'The API rejected the request.') }, { status: 400 });
    case 'conflict':
      throw data<ErrorPayload>({ kind, message: errorText(error, 'The record changed meanwhile; reload and try again.') }, { status: 409 });
    case 'too_many_requests':
      throw data<ErrorPayload>({ kind, message: errorText(error, 'Too many attempts; wait a moment and try again.') }, { status: 429 });
    default:
      console.error('[workspace] unexpected API error', error);
      throw data<ErrorPayload>(
        { kind: 'other', message: 'The API answered with an unexpected error. Try again; if it persists, check the API logs.' },
        { status: 502 },
      );
  }
}

/** The API's own error code (e.g. AUTH_TWO_FACTOR_SETUP_REQUIRED), when it sent one. */
export function domainCodeOf(error: unknown): string | null {
  const data = (error as { data?: { domainCode?: unknown } } | null)?.data;
  return typeof data?.domainCode === 'string' ? data.domainCode : null;
}

export function errorText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
