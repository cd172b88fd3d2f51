import { createCookieSessionStorage, redirect, type Session } from '@remix-run/node';
import type { Role } from '@switchboard/contracts/enums';
import { config } from './config.server';

/** What the portal keeps about the signed-in user: enough to greet them and call the API. */
export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

interface SessionData {
  token: string;
  user: SessionUser;
}

interface FlashData {
  flash: string;
}

export type PortalSession = Session<SessionData, FlashData>;

const storage = createCookieSessionStorage<SessionData, FlashData>({
  cookie: {
    name: 'sb_portal',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    secrets: [config.sessionSecret],
    maxAge: 60 * 60 * 24 * 7,
  },
});

export function getSession(request: Request): Promise<PortalSession> {
  return storage.getSession(request.headers.get('Cookie'));
}

export const commitSession = storage.commitSession;
export const destroySession = storage.destroySession;

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  return session.get('token') ? (session.get('user') ?? null) : null;
}

/** Where to send someone after sign-in: only paths on this site, never another origin. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/tickets'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}

function loginUrl(request: Request): string {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return back === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: back })}`;
}

/**
 * The signed-in user and their API token; anyone else is sent to /login and comes back here afterwards.
 * Every loader and action calls this itself (loaders run in parallel, so a layout's check protects nothing).
 */
export async function requireUser(request: Request): Promise<{ user: SessionUser; token: string; session: PortalSession }> {
  const session = await getSession(request);
  const token = session.get('token');
  const user = session.get('user');
  if (!token || !user) {
    // After signing in the user comes back to this URL (a POST comes back as a GET of the page it was posted to).
    throw redirect(loginUrl(request));
  }
  return { user, token, session };
}

/** The token was revoked or expired: forget the whole session and ask the user to sign in again. */
export async function signOutAndRedirect(request: Request, session: PortalSession): Promise<never> {
  const to = loginUrl(request);
  throw redirect(`${to}${to.includes('?') ? '&' : '?'}expired=1`, {
    headers: { 'Set-Cookie': await destroySession(session) },
  });
}

export async function startSession(request: Request, token: string, user: SessionUser, redirectTo: string) {
  const session = await getSession(request);
  session.set('token', token);
  session.set('user', user);
  return redirect(redirectTo, { headers: { 'Set-Cookie': await commitSession(session) } });
}

/** Reads (and so consumes) the one-time message; the caller must commit the session. */
export function takeFlash(session: PortalSession): string | null {
  return session.get('flash') ?? null;
}
