import { useApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { requestFrom } from '../support/from-address.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';

/**
 * The browser's address and user agent reach the API through the Remix servers, which are callers
 * like any other: the API believes X-Forwarded-For and X-Switchboard-Client-User-Agent only from
 * TRUSTED_PROXIES (decision 027). Here only 127.0.0.1 is trusted; 127.0.0.2 is a stranger.
 */
const saved = process.env.TRUSTED_PROXIES;
process.env.TRUSTED_PROXIES = '127.0.0.1';
const { api } = useApi();
afterAll(() => {
  if (saved === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = saved;
});

const TRUSTED = '127.0.0.1';
const STRANGER = '127.0.0.2';

function signIn(from: string, email: string, password: string, headers: Record<string, string>) {
  return requestFrom(from, api.url, { path: '/api/v1/auth/token', body: { email, password }, headers });
}

async function latestAudit(userId: number, action: string) {
  const [row] = await sql<{ ip: string | null; user_agent: string | null }>(
    'SELECT ip, user_agent FROM audit_log WHERE action = ? AND subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT 1',
    [action, 'User', String(userId)],
  );
  return row;
}

it("ignores a stranger's forwarded address and user agent, and uses a trusted proxy's, in the audit trail and the sessions list", async () => {
  const user = await createUser(api.url, 'agent');
  const claims = { 'x-forwarded-for': '203.0.113.9', 'x-switchboard-client-user-agent': 'Mozilla/5.0 (Claimed)' };

  const stranger = await signIn(STRANGER, user.email, TEST_PASSWORD, { ...claims, 'user-agent': 'integration-script/1.0' });
  expect(stranger.status).toBe(200);
  expect(await latestAudit(user.id, 'auth.signed_in')).toEqual({ ip: STRANGER, user_agent: 'integration-script/1.0' });

  const proxied = await signIn(TRUSTED, user.email, TEST_PASSWORD, {
    'x-forwarded-for': '198.51.100.23',
    'x-switchboard-client-user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Browser/1.0',
    'user-agent': 'node',
  });
  expect(proxied.status).toBe(200);
  expect(await latestAudit(user.id, 'auth.signed_in')).toEqual({ ip: '198.51.100.23', user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Browser/1.0' });

  const sessions = await requestFrom(TRUSTED, api.url, { path: '/api/v1/account/sessions', headers: { authorization: `Bearer ${proxied.body.token}` } });
  expect(sessions.status).toBe(200);
  const seen = (sessions.body.items as { ip: string; userAgent: string }[]).map((s) => [s.ip, s.userAgent]);
  expect(seen).toEqual(
    expect.arrayContaining([
      [STRANGER, 'integration-script/1.0'],
      ['198.51.100.23', 'Mozilla/5.0 (X11; Linux x86_64) Browser/1.0'],
    ]),
  );
  expect(seen.some(([ip]) => ip === '203.0.113.9')).toBe(false);
});

it('walks the forwarded chain from the right and stops at the first address it does not trust', async () => {
  const user = await createUser(api.url, 'agent');
  // browser -> Remix server on 127.0.0.1 -> api: the Remix hop is trusted, so the browser's address counts.
  await signIn(TRUSTED, user.email, TEST_PASSWORD, { 'x-forwarded-for': '192.0.2.50, 127.0.0.1' });
  expect((await latestAudit(user.id, 'auth.signed_in'))!.ip).toBe('192.0.2.50');
  // Whatever a browser writes in front of its own address is not believed: 192.0.2.50 is no proxy of ours.
  await signIn(TRUSTED, user.email, TEST_PASSWORD, { 'x-forwarded-for': '10.6.6.6, 192.0.2.50' });
  expect((await latestAudit(user.id, 'auth.signed_in'))!.ip).toBe('192.0.2.50');
});

it("records failed sign-ins and the lockout under the browser's address, and a stranger's under its own", async () => {
  const user = await createUser(api.url, 'customer');
  for (let i = 0; i < 4; i++) {
    expect((await signIn(TRUSTED, user.email, 'wrong-password', { 'x-forwarded-for': '198.51.100.77' })).status).toBe(401);
  }
  expect(await latestAudit(user.id, 'auth.sign_in_failed')).toMatchObject({ ip: '198.51.100.77' });
  const fifth = await signIn(STRANGER, user.email, 'wrong-password', { 'x-forwarded-for': '198.51.100.77' });
  expect(fifth.status).toBe(429);
  expect(await latestAudit(user.id, 'auth.locked')).toMatchObject({ ip: STRANGER });
});
