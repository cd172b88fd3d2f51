import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../../apps/api/src/trpc/app-router.js';

export type { AppRouter };
export type ApiClient = ReturnType<typeof createApiClient>;

export interface ApiClientOptions {
  /** Base URL of the API, e.g. http://127.0.0.1:4000 (no trailing /trpc). */
  url: string;
  /** The signed-in user's bearer token, if any. */
  token?: string | null;
  /** The browser's address chain (X-Forwarded-For, with the app server's peer appended): see `clientOf`. */
  forwardedFor?: string | null;
  /** The browser's User-Agent, sent as X-Switchboard-Client-User-Agent. */
  userAgent?: string | null;
}

/** Sent by the apps with the browser's User-Agent; the API believes it only from TRUSTED_PROXIES (decision 027). */
export const CLIENT_USER_AGENT_HEADER = 'x-switchboard-client-user-agent';

/**
 * Who the browser behind a loader's or action's request is, for the API's audit trail, sessions list
 * and lockout: its address chain (the web app's server appends the socket peer to X-Forwarded-For,
 * scripts/serve-web-app.mjs) and its User-Agent.
 */
export function clientOf(request: Request): { forwardedFor: string | null; userAgent: string | null } {
  return { forwardedFor: request.headers.get('x-forwarded-for'), userAgent: request.headers.get('user-agent') };
}

/** A typed tRPC client for server-side use in the Remix loaders and actions. */
export function createApiClient({ url, token, forwardedFor, userAgent }: ApiClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url.replace(/\/$/, '')}/trpc`,
        headers() {
          const headers: Record<string, string> = {};
          if (token) headers.authorization = `Bearer ${token}`;
          if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
          if (userAgent) headers[CLIENT_USER_AGENT_HEADER] = userAgent;
          return headers;
        },
      }),
    ],
  });
}

export type ApiErrorKind =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'conflict'
  | 'too_many_requests'
  | 'other';

/** Classifies an error thrown by the client so a page can say what happened. */
export function apiErrorKind(error: unknown): ApiErrorKind {
  if (!(error instanceof TRPCClientError)) return 'other';
  const code = (error.data as { code?: string } | undefined)?.code;
  switch (code) {
    case 'UNAUTHORIZED':
      return 'unauthorized';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'not_found';
    case 'BAD_REQUEST':
      return 'bad_request';
    case 'CONFLICT':
      return 'conflict';
    case 'TOO_MANY_REQUESTS':
      return 'too_many_requests';
  }
  // No tRPC error shape: the request never got an answer from the API.
  if (!error.data) return 'unreachable';
  return 'other';
}

/** Field errors of a BAD_REQUEST, keyed by field path (e.g. { subject: 'is required' }). */
export function apiFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (error.data as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors;
  return fields ?? {};
}

export function isApiError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

export {
  uploadAttachments,
  fetchAttachment,
  collectUploads,
  formatLimit,
  attachmentMaxBytes,
  type AttachmentApiOptions,
  type UploadResult,
  type MultipartPart,
} from './attachments.js';
export { attachmentForms, type MultipartParser, type PostedForm } from './attachment-forms.js';
export { createLiveClient, type LiveClient, type LiveClientOptions } from './live.js';
export { proxyLiveStream } from './live-proxy.js';
