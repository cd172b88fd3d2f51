import { createCookieSessionStorage, redirect, type Session } from '@remix-run/node';
import type { Role } from '@switchboard/contracts';
import { clientOf, createApiClient, type ApiClient } from '@switchboard/trpc-client';
import { isValidTimeZone } from '@switchboard/ui';
import { config } from './config.server';

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export interface Flash {
  kind: 'success' | 'error';
  message: string;
}

interface SessionData {
  token: string;
  user: SessionUser;
  /** The agent's IANA time zone, reported by the browser at sign-in; UTC when unknown. */
  tz: string;
  /** One single sign-on attempt in flight: the secrets the callback must present to the API. */
  sso: { state: string; nonce: string; codeVerifier: string; redirectTo: string };
}

interface FlashData {
  flash: Flash;
}

export type WorkspaceSession = Session<SessionData, FlashData>;

export const STAFF_ROLES: readonly Role[] = ['agent', 'manager', 'admin'];

export const CUSTOMER_REFUSED = 'This workspace is for support staff; customers use the portal.';

const storage = createCookieSessionStorage<SessionData, FlashData>({
  cookie: {
    name: 'sb_workspace',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookie,
    path: '/',
    secrets: [config.sessionSecret],
    // A working day and a bit; the API's token may expire earlier, which signs the agent out.
    maxAge: 60 * 60 * 14,
  },
});

export function getSession(request: Request): Promise<WorkspaceSession> {
  return storage.getSession(request.headers.get('Cookie'));
}

export const commitSession = storage.commitSession;
export const destroySession = storage.destroySession;

export function isStaff(role: string | undefined): boolean {
  return STAFF_ROLES.includes(role as Role);
}

/** A same-site path to return to after signing in; anything else becomes /tickets. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/tickets'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  if (to.startsWith('/login') || to.startsWith('/logout')) return fallback;
  return to;
}

/** The page to come back to: the request's path without Remix's internal parameters. */
export function returnPath(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete('index');
  url.searchParams.delete('_data');
  const path = url.pathname.replace(/\.data$/, '') || '/';
  const search = url.searchParams.toString();
  return search ? `${path}?${search}` : path;
}

export async function redirectToLogin(request: Request, session?: WorkspaceSession): Promise<never> {
  const to = returnPath(request);
  const query = to === '/' || to === '/tickets' ? '' : `?redirectTo=${encodeURIComponent(to)}`;
  const headers = new Headers();
  if (session) headers.append('Set-Cookie', await destroySession(session));
  throw redirect(`/login${query}`, { headers });
}

export interface AgentContext {
  session: WorkspaceSession;
  user: SessionUser;
  token: string;
  timeZone: string;
  /** A tRPC client that speaks to the API as this agent. */
  api: ApiClient;
}

/**
 * Every loader and action calls this itself: loaders run in parallel, so a layout's check protects nothing.
 * It trusts the signed cookie; the API re-checks the token on every call, and an UNAUTHORIZED from it
 * signs the agent out (see apiFailure).
 */
export async function requireAgent(request: Request): Promise<AgentContext> {
  const session = await getSession(request);
  const token = session.get('token');
  const user = session.get('user');
  if (!token || !user) return redirectToLogin(request, session);
  if (!isStaff(user.role)) return redirectToLogin(request, session);
  const tz = session.get('tz');
  return {
    session,
    user,
    token,
    timeZone: isValidTimeZone(tz) ? tz : 'UTC',
    api: createApiClient({ url: config.apiUrl, token, ...clientOf(request) }),
  };
}

/** Sets a one-time message shown on the next page and returns the Set-Cookie header to send. */
export async function flash(session: WorkspaceSession, message: Flash): Promise<HeadersInit> {
  session.flash('flash', message);
  return { 'Set-Cookie': await commitSession(session) };
}
