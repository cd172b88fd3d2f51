import { timingSafeEqual } from 'node:crypto';

const same = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Is this post from our Inbound Parse setup? SendGrid can only be given a URL, so the secret
 * travels in it: as the basic-auth password (https://inbound:<secret>@host/webhooks/sendgrid/inbound)
 * or as a path token (/webhooks/sendgrid/inbound/<secret>). No secret configured: nothing is accepted.
 */
export function inboundAuthorized(secret: string | null, authorization: string | undefined, pathToken: string | undefined): boolean {
  if (!secret) return false;
  if (pathToken !== undefined) return same(pathToken, secret);
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const password = decoded.slice(decoded.indexOf(':') + 1);
  return decoded.includes(':') && same(password, secret);
}
