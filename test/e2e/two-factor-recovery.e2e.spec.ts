import { apiErrorKind, apiFieldErrors, createApiClient, type AppRouter } from '@switchboard/trpc-client';
import type { TRPCClientError } from '@trpc/client';
import { generate } from 'otplib';
import { useApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';

/** Two-factor leftovers of decision 008: recovery codes (shown once, hashed, single use) and an admin's reset. */
const { api } = useApi();

const clientOf = (token?: string) => createApiClient({ url: api.url, token });
const kind = (promise: Promise<unknown>) => promise.then(() => 'ok', (e) => apiErrorKind(e));

/** An agent with two-factor on; returns the seed and the recovery codes shown at setup. */
async function agentWithTwoFactor() {
  const agent = await createUser(api.url, 'agent');
  const client = clientOf(agent.token);
  const { secret } = await client.account.setupTwoFactor.mutate();
  const { recoveryCodes } = await client.account.enableTwoFactor.mutate({ code: await generate({ secret }) });
  return { agent, client, secret, recoveryCodes };
}

/** Password step: returns the two-factor challenge. */
async function challengeFor(email: string) {
  const error = (await clientOf()
    .auth.login.mutate({ email, password: TEST_PASSWORD })
    .catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
  return (error.data as { details?: { challenge?: string } }).details!.challenge!;
}

describe('recovery codes', () => {
  it('are shown once at setup, stored hashed, and each signs in exactly once', async () => {
    const { agent, client, recoveryCodes } = await agentWithTwoFactor();
    expect(recoveryCodes).toHaveLength(10);
    const stored = await sql<{ code_hash: string }>('SELECT code_hash FROM two_factor_recovery_codes WHERE user_id = ?', [agent.id]);
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(recoveryCodes.some((c) => row.code_hash.includes(c.replace('-', '')))).toBe(false);

    const anonymous = clientOf();
    // Upper case works too; the code is then used up.
    const done = await anonymous.auth.verifyTwoFactor.mutate({ challenge: await challengeFor(agent.email), code: recoveryCodes[0].toUpperCase() });
    expect(done.user.id).toBe(agent.id);
    const again = await anonymous.auth.verifyTwoFactor.mutate({ challenge: await challengeFor(agent.email), code: recoveryCodes[0] }).catch((e) => e);
    expect(apiFieldErrors(again)).toEqual({ code: expect.stringContaining('not valid') });
    expect((await client.account.twoFactorStatus.query()).recoveryCodesLeft).toBe(9);
    // The sign-in says it used a recovery code.
    const [signIn] = await sql<{ after_state: string | object }>(
      "SELECT after_state FROM audit_log WHERE action = 'auth.signed_in' AND subject_id = ? ORDER BY id DESC LIMIT 1",
      [String(agent.id)],
    );
    expect(typeof signIn.after_state === 'string' ? JSON.parse(signIn.after_state) : signIn.after_state).toMatchObject({ twoFactor: true, recoveryCode: true });
  });

  it('two parallel sign-ins with the same code: exactly one succeeds', async () => {
    const { agent, recoveryCodes } = await agentWithTwoFactor();
    const challenges = await Promise.all([challengeFor(agent.email), challengeFor(agent.email)]);
    const outcomes = await Promise.all(challenges.map((challenge) => kind(clientOf().auth.verifyTwoFactor.mutate({ challenge, code: recoveryCodes[1] }))));
    expect(outcomes.sort()).toEqual(['bad_request', 'ok']);
  });

  it('someone else’s code, a made-up one, or a malformed one is refused', async () => {
    const first = await agentWithTwoFactor();
    const second = await agentWithTwoFactor();
    const other = await clientOf().auth.verifyTwoFactor.mutate({ challenge: await challengeFor(first.agent.email), code: second.recoveryCodes[0] }).catch((e) => e);
    expect(apiFieldErrors(other)).toHaveProperty('code');
    const malformed = await clientOf().auth.verifyTwoFactor.mutate({ challenge: 'x', code: 'letmein' }).catch((e) => e);
    expect(apiFieldErrors(malformed)).toHaveProperty('code');
  });

  it('can be regenerated with a current code; the old ones stop working; turning two-factor off removes them', async () => {
    const { agent, client, secret, recoveryCodes } = await agentWithTwoFactor();
    const wrong = await client.account.regenerateRecoveryCodes.mutate({ code: '000000' }).catch((e) => e);
    expect(apiFieldErrors(wrong)).toHaveProperty('code');
    const { recoveryCodes: fresh } = await client.account.regenerateRecoveryCodes.mutate({ code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }) });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    const old = await clientOf().auth.verifyTwoFactor.mutate({ challenge: await challengeFor(agent.email), code: recoveryCodes[0] }).catch((e) => e);
    expect(apiFieldErrors(old)).toHaveProperty('code');
    expect((await clientOf().auth.verifyTwoFactor.mutate({ challenge: await challengeFor(agent.email), code: fresh[0] })).user.id).toBe(agent.id);

    // Codes of the next step were used up above; rather than wait 30 s, forget the last accepted step.
    await sql('UPDATE users SET totp_last_step = NULL WHERE id = ?', [agent.id]);
    await client.account.disableTwoFactor.mutate({ code: await generate({ secret }) });
    expect(await sql('SELECT id FROM two_factor_recovery_codes WHERE user_id = ?', [agent.id])).toEqual([]);
  });
});

describe('an admin resets someone’s two-factor sign-in', () => {
  it('turns it off, removes the recovery codes, revokes their sessions, and leaves an audit entry', async () => {
    const { agent, client } = await agentWithTwoFactor();
    const admin = await createUser(api.url, 'admin');
    await clientOf(admin.token).account.resetUserTwoFactor.mutate({ userId: agent.id });
    // Their old token stopped working; the password alone signs in again.
    expect(await kind(client.account.twoFactorStatus.query())).toBe('unauthorized');
    const signedIn = await clientOf().auth.login.mutate({ email: agent.email, password: TEST_PASSWORD });
    expect(await clientOf(signedIn.token).account.twoFactorStatus.query()).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });
    expect(await sql('SELECT id FROM two_factor_recovery_codes WHERE user_id = ?', [agent.id])).toEqual([]);
    const [audit] = await sql<{ actor_id: number }>("SELECT actor_id FROM audit_log WHERE action = 'auth.two_factor_reset' AND subject_id = ?", [String(agent.id)]);
    expect(audit.actor_id).toBe(admin.id);
  });

  it('is for admins only, and names an unknown user', async () => {
    const { agent } = await agentWithTwoFactor();
    const manager = await createUser(api.url, 'manager');
    expect(await kind(clientOf(manager.token).account.resetUserTwoFactor.mutate({ userId: agent.id }))).toBe('forbidden');
    expect(await kind(clientOf(agent.token).account.resetUserTwoFactor.mutate({ userId: agent.id }))).toBe('forbidden');
    const admin = await createUser(api.url, 'admin');
    const missing = await clientOf(admin.token).account.resetUserTwoFactor.mutate({ userId: 2_000_000_000 }).catch((e) => e);
    expect(apiErrorKind(missing)).toBe('not_found');
    const rest = await restClient(api.url).post('/account/two-factor/reset', { userId: agent.id }, manager.token);
    expect(rest.status).toBe(403);
  });
});
