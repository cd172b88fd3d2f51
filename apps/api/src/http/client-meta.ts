import type { Request } from 'express';

/** Set by the Remix apps: the user agent of the browser they act for (decision 027). */
export const CLIENT_USER_AGENT_HEADER = 'x-switchboard-client-user-agent';

type TrustFn = (address: string, hop: number) => boolean;

/** Is the caller itself (the socket's peer) one of TRUSTED_PROXIES? */
export function fromTrustedProxy(req: Request): boolean {
  const trust = req.app?.get('trust proxy fn') as TrustFn | undefined;
  const peer = req.socket?.remoteAddress;
  return Boolean(trust && peer && trust(peer, 0));
}

/**
 * Where a request really comes from: the browser's address and user agent when a trusted proxy
 * (a Remix app, a load balancer) says so, else the caller's own. `req.ip` already applies the
 * trust rule to X-Forwarded-For (Express's `trust proxy`, set from TRUSTED_PROXIES at boot).
 */
export function clientOf(req: Request): { ip: string | null; userAgent: string | null } {
  const forwarded = fromTrustedProxy(req) ? req.headers[CLIENT_USER_AGENT_HEADER] : undefined;
  const userAgent = (typeof forwarded === 'string' && forwarded ? forwarded : req.headers['user-agent']) ?? null;
  return { ip: req.ip ?? null, userAgent: userAgent?.slice(0, 255) ?? null };
}
