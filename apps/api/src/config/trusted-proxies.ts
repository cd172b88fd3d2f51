import { isIP } from 'node:net';

/** Names Express (proxy-addr) understands for whole address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUSTED_PROXIES: comma-separated addresses, CIDR ranges (10.0.0.0/8, fd00::/8) or the names
 * loopback, linklocal, uniquelocal. Only a caller at one of these may tell the API the browser's
 * address (X-Forwarded-For) and user agent (X-Switchboard-Client-User-Agent); decision 027.
 * Returns the list, or null when an entry is not one of those.
 */
export function parseTrustedProxies(value: string): string[] | null {
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  return entries.every(validEntry) ? entries : null;
}

function validEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, range, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  // An IPv4 netmask such as 255.255.255.0.
  return family === 4 && isIP(range) === 4;
}
