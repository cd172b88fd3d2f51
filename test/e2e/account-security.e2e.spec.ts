import { apiFieldErrors, createApiClient, type AppRouter } from '@switchboard/trpc-client';
import type { TRPCClientError } from '@trpc/client';
import { generate } from 'otplib';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { createCompany, createUser, TEST_PASSWORD } from '../support/people.js';

const { api } = useApi({ worker: true });

const signIn = (email: string, password: string) => restClient(api.url).post('/auth/token', { email, password });

describe('password policy', () => {
  it('refuses breached and guessable passwords at sign-up, naming the field', async () => {
    const rest = restClient(api.url);
    const common = await rest.post('/auth/register', { name: 'Pia Policy', email: uniqueEmail(), password: 'Password123!' });
    expect(common.status).toBe(400);
    expect(common.body.data.fieldErrors).toEqual({ password: expect.stringContaining('most common passwords') });
    const own = await rest.post('/auth/register', { name: 'Pia Policy', email: uniqueEmail('piapolicy'), password: 'piapolicy2024' });
    expect(own.status).toBe(400);
    expect(own.body.message).toContain('name or email');
    const fine = await rest.post('/auth/register', { name: 'Pia Policy', email: uniqueEmail(), password: 'violet-kettle-42-moon' });
    expect(fine.status).toBe(200);
  });
});

describe('lockout after repeated failures', () => {
  it('locks after 5 wrong passwords with a clear message, refuses even the right one meanwhile, and audits it', async () => {
    const user = await createUser(api.url, 'customer');
    for (let i = 0; i < 4; i++) expect((await signIn(user.email, 'wrong-password')).status).toBe(401);
    const fifth = await signIn(user.email, 'wrong-password');
    expect(fifth.status).toBe(429);
    expect(fifth.body.message).toMatch(/Too many failed sign-ins: this account is locked for 15 more minutes/);
    const right = await signIn(user.email, TEST_PASSWORD);
    expect(right.status).toBe(429);

    const audit = await sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_type = 'User' AND subject_id = ? ORDER BY id", [
      String(user.id),
    ]);
    expect(audit.map((a) => a.action)).toEqual([
      'auth.signed_in', // createUser signs in once
      ...Array(4).fill('auth.sign_in_failed'),
      'auth.locked',
      'auth.sign_in_failed',
    ]);

    // When the lock ends, the right password works and the count starts again from zero.
    await sql('UPDATE users SET locked_until = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [user.id]);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(200);
    const [row] = await sql<{ failed_logins: number; locked_until: Date | null }>('SELECT failed_logins, locked_until FROM users WHERE id = ?', [user.id]);
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('counts parallel guesses atomically: 12 at once never leave the account unlocked', async () => {
    const user = await createUser(api.url, 'customer');
    const results = await Promise.all(Array.from({ length: 12 }, () => signIn(user.email, 'wrong-password')));
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(1);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(429);
  });
});

describe('password reset by emailed single-use link', () => {
  it('mails a link, sets a new password with it once, signs out every session and clears a lockout', async () => {
    const user = await createUser(api.url, 'agent', { name: 'Rolf Reset' });
    const admin = await createUser(api.url, 'admin');
    const colleague = await createUser(api.url, 'agent');
    const rest = restClient(api.url);
    await sql('UPDATE users SET locked_until = NOW(3) + INTERVAL 10 MINUTE WHERE id = ?', [user.id]);

    expect((await rest.post('/auth/password-reset', { email: user.email })).status).toBe(200);
    // An unknown address gets the same answer and nothing is sent.
    const unknown = uniqueEmail('nobody');
    expect((await rest.post('/auth/password-reset', { email: unknown })).body).toEqual({ ok: true });

    const message = await eventually(async () => {
      const [row] = await sql<{ id: number; body: string; holds_secret: number }>(
        "SELECT id, body, holds_secret FROM outbound_messages WHERE recipient = ? AND subject = 'Reset your Switchboard password'",
        [user.email],
      );
      return row ?? null;
    });
    expect(message.holds_secret).toBe(1);
    // Staff user -> the workspace's reset page.
    const link = message.body.match(/http:\/\/localhost:3001\/reset-password\?token=(\S+)/);
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]);
    expect(await sql('SELECT id FROM outbound_messages WHERE recipient = ?', [unknown])).toHaveLength(0);

    // The outbox page shows colleagues that the mail went out, not the link; admins see it.
    const asColleague = await rest.get('/outbox?pageSize=100', colleague.token);
    const seen = asColleague.body.items.find((m: { id: number }) => m.id === Number(message.id));
    expect(seen.body).not.toContain(token);
    expect(seen.body).toContain('only shown to admins');
    const asAdmin = await rest.get('/outbox?pageSize=100', admin.token);
    expect(asAdmin.body.items.find((m: { id: number }) => m.id === Number(message.id)).body).toContain(token);

    const weak = await rest.post('/auth/password-reset/confirm', { token, password: 'qwertyuiop123' });
    expect(weak.status).toBe(400);
    expect(weak.body.data.fieldErrors).toEqual({ password: expect.stringContaining('common') });

    const ok = await rest.post('/auth/password-reset/confirm', { token, password: 'new-violet-kettle-7' });
    expect(ok.status).toBe(200);
    expect((await rest.get('/auth/me', user.token)).status).toBe(401);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, 'new-violet-kettle-7')).status).toBe(200);

    const again = await rest.post('/auth/password-reset/confirm', { token, password: 'another-kettle-88' });
    expect(again.status).toBe(400);
    expect(again.body.data.fieldErrors).toEqual({ token: expect.stringContaining('invalid, expired or already used') });
    const actions = await sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_type = 'User' AND subject_id = ? ORDER BY id", [String(user.id)]);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']));
  });
});

describe('sessions', () => {
  it('lists my sessions with the current one marked, and signs out the others', async () => {
    const user = await createUser(api.url, 'customer');
    const second = (await signIn(user.email, TEST_PASSWORD)).body.token as string;
    const rest = restClient(api.url);
    const list = await rest.get('/account/sessions', second);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ current: true });

    const other = await createUser(api.url, 'customer');
    const foreign = (await rest.get('/account/sessions', other.token)).body.items[0].id;
    expect((await rest.delete(`/account/sessions/${foreign}`, user.token)).status).toBe(404);

    expect((await rest.post('/account/sessions/revoke-others', {}, second)).body).toEqual({ revoked: 1 });
    expect((await rest.get('/auth/me', user.token)).status).toBe(401);
    expect((await rest.get('/auth/me', second)).status).toBe(200);
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, scoped, record their last use, and stop working when revoked', async () => {
    const agent = await createUser(api.url, 'agent', { name: 'Ivy Integrator' });
    const customer = await createUser(api.url, 'customer');
    const rest = restClient(api.url);
    expect((await rest.post('/account/api-keys', { name: 'x', scope: 'read' }, customer.token)).status).toBe(403);
    const bad = await rest.post('/account/api-keys', { name: '', scope: 'admin' }, agent.token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data.fieldErrors).sort()).toEqual(['name', 'scope']);

    const read = await rest.post('/account/api-keys', { name: 'Reporting', scope: 'read' }, agent.token);
    expect(read.status).toBe(200);
    const secret = read.body.secret as string;
    expect(secret).toMatch(/^sbk_/);
    const [stored] = await sql<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = ?', [read.body.apiKey.id]);
    expect(stored.key_hash).not.toContain(secret);
    expect(JSON.stringify((await rest.get('/account/api-keys', agent.token)).body)).not.toContain(secret);

    // Read: queries work as the owner; anything that changes data is refused.
    expect((await rest.get('/tickets', secret)).status).toBe(200);
    const write = await rest.post('/tickets', { subject: 'From a key', description: 'x' }, secret);
    expect(write.status).toBe(403);
    expect(write.body.message).toContain('read-only');
    // A key cannot mint keys.
    const writeKey = (await rest.post('/account/api-keys', { name: 'Sync', scope: 'write' }, agent.token)).body.secret as string;
    expect((await rest.post('/account/api-keys', { name: 'child', scope: 'write' }, writeKey)).status).toBe(403);
    expect((await rest.post('/tickets', { subject: 'From a key', description: 'x' }, writeKey)).status).toBe(200);

    const listed = (await rest.get('/account/api-keys', agent.token)).body.items.find((k: { id: number }) => k.id === read.body.apiKey.id);
    expect(listed).toMatchObject({ name: 'Reporting', scope: 'read', prefix: secret.slice(0, 12), ownerName: 'Ivy Integrator' });
    expect(listed.lastUsedAt).not.toBeNull();

    // Another agent neither sees nor revokes it; an admin sees every key.
    const other = await createUser(api.url, 'agent');
    expect((await rest.get('/account/api-keys', other.token)).body.items).toEqual([]);
    expect((await rest.delete(`/account/api-keys/${read.body.apiKey.id}`, other.token)).status).toBe(404);
    const admin = await createUser(api.url, 'admin');
    expect((await rest.get('/account/api-keys', admin.token)).body.items.map((k: { id: number }) => k.id)).toContain(read.body.apiKey.id);

    const revoked = await rest.delete(`/account/api-keys/${read.body.apiKey.id}`, agent.token);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await rest.get('/tickets', secret)).status).toBe(401);
  });
});

describe('two-factor sign-in (TOTP) for staff', () => {
  const login = (email: string, password = TEST_PASSWORD) =>
    createApiClient({ url: api.url }).auth.login.mutate({ email, password }).catch((e: unknown) => e as TRPCClientError<AppRouter>);

  it('is set up with a confirmed first code, then asks for a code after the password, once per code', async () => {
    const agent = await createUser(api.url, 'agent');
    const client = createApiClient({ url: api.url, token: agent.token });
    expect(await client.account.twoFactorStatus.query()).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });

    const { secret, uri } = await client.account.setupTwoFactor.mutate();
    expect(uri).toBe(`otpauth://totp/Switchboard:${encodeURIComponent(agent.email)}?secret=${secret}&issuer=Switchboard`);
    const [stored] = await sql<{ totp_secret: string }>('SELECT totp_secret FROM users WHERE id = ?', [agent.id]);
    expect(stored.totp_secret).not.toContain(secret);
    // Not active until confirmed: signing in still needs only the password.
    expect(await login(agent.email)).toHaveProperty('token');

    const wrong = await client.account.enableTwoFactor.mutate({ code: '000000' }).catch((e) => e);
    expect(apiFieldErrors(wrong)).toEqual({ code: expect.stringContaining('not valid') });
    const first = await generate({ secret });
    await client.account.enableTwoFactor.mutate({ code: first });
    expect(await client.account.twoFactorStatus.query()).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });

    const step1 = (await login(agent.email)) as TRPCClientError<AppRouter>;
    expect(step1.data?.code).toBe('UNAUTHORIZED');
    expect((step1.data as { domainCode?: string }).domainCode).toBe('AUTH_TWO_FACTOR_REQUIRED');
    const challenge = (step1.data as { details?: { challenge?: string } }).details!.challenge!;
    expect(challenge).toMatch(/^\d+\.\d+\./);

    const anonymous = createApiClient({ url: api.url });
    // The code used to confirm setup was consumed; a code from the next step works once.
    const replayed = await anonymous.auth.verifyTwoFactor.mutate({ challenge, code: first }).catch((e) => e);
    expect(apiFieldErrors(replayed)).toEqual({ code: expect.stringContaining('already used') });
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const done = await anonymous.auth.verifyTwoFactor.mutate({ challenge, code: next });
    expect(done.user.id).toBe(agent.id);
    expect((await restClient(api.url).get('/auth/me', done.token)).status).toBe(200);
    const again = await anonymous.auth.verifyTwoFactor.mutate({ challenge, code: next }).catch((e) => e);
    expect(apiFieldErrors(again)).toEqual({ code: expect.stringContaining('already used') });

    const forged = await anonymous.auth.verifyTwoFactor.mutate({ challenge: challenge.replace(/^\d+/, String(agent.id + 1)), code: next }).catch((e) => e);
    expect((forged.data as { domainCode?: string }).domainCode).toBe('AUTH_CHALLENGE_INVALID');
  });

  it('is for staff: a customer may not set it up', async () => {
    const customer = await createUser(api.url, 'customer');
    const res = await restClient(api.url).post('/account/two-factor/setup', {}, customer.token);
    expect(res.status).toBe(403);
  });
});

describe('email verification of self-registered customers', () => {
  it('mails a link; verifying joins the company that claims the domain, and their earlier tickets follow', async () => {
    const domain = `verico-${Date.now()}.test`;
    const companyId = await createCompany('Verico', domain);
    const rest = restClient(api.url);
    const email = `vera@${domain}`;
    const registered = await rest.post('/auth/register', { name: 'Vera Verify', email, password: 'lantern-harbor-77' });
    expect(registered.status).toBe(200);
    const token = registered.body.token as string;
    expect((await rest.get('/auth/me', token)).body).toMatchObject({ emailVerified: false, companyId: null });
    const { body: ticket } = await rest.post('/tickets', { subject: 'Before verifying', description: 'x' }, token);

    const message = await eventually(async () => {
      const [row] = await sql<{ body: string }>("SELECT body FROM outbound_messages WHERE recipient = ? AND subject = 'Confirm your email address'", [email]);
      return row ?? null;
    });
    const link = decodeURIComponent(message.body.match(/\/verify-email\?token=(\S+)/)![1]);

    const verified = await rest.post('/auth/verify-email', { token: link });
    expect(verified.body).toEqual({ ok: true, companyName: 'Verico' });
    expect((await rest.get('/auth/me', token)).body).toMatchObject({ emailVerified: true, companyId, companyName: 'Verico' });
    const [row] = await sql<{ company_id: number }>('SELECT company_id FROM tickets WHERE id = ?', [ticket.id]);
    expect(row.company_id).toBe(companyId);

    const reused = await rest.post('/auth/verify-email', { token: link });
    expect(reused.status).toBe(400);
    expect(reused.body.data.fieldErrors).toEqual({ token: expect.stringContaining('invalid, expired or already used') });
    expect((await rest.post('/auth/verify-email/resend', {}, token)).status).toBe(409);
  });

  it('limits resends to three an hour', async () => {
    const rest = restClient(api.url);
    const { body } = await rest.post('/auth/register', { name: 'Rex Resend', email: uniqueEmail('rex'), password: 'lantern-harbor-77' });
    expect((await rest.post('/auth/verify-email/resend', {}, body.token)).status).toBe(200);
    expect((await rest.post('/auth/verify-email/resend', {}, body.token)).status).toBe(200);
    const third = await rest.post('/auth/verify-email/resend', {}, body.token);
    expect(third.status).toBe(429);
    expect(third.body.message).toContain('Three verification mails');
  });
});
