import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import type { TRPCClientError } from '@trpc/client';
import { generate } from 'otplib';
import { useApi } from '../support/api.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';

/**
 * Admins require two-factor sign-in for staff roles. A database of its own: the setting applies to
 * every session at once, and must not reach other test files running at the same time.
 */
const { api } = useApi({ ownDatabase: 'two_factor_policy' });

const clientOf = (token?: string) => createApiClient({ url: api.url, token });
const domainCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e: TRPCClientError<never>) => (e.data as { domainCode?: string } | undefined)?.domainCode ?? apiErrorKind(e),
  );

it('a required role without a second factor may only set it up; once done (or signed in with a code) everything works again', async () => {
  const admin = clientOf((await createUser(api.url, 'admin')).token);
  const agent = await createUser(api.url, 'agent');
  const manager = await createUser(api.url, 'manager');
  const asAgent = clientOf(agent.token);
  expect(await domainCode(asAgent.tickets.list.query({}))).toBe('ok');

  expect(await admin.account.saveSecuritySettings.mutate({ twoFactorRoles: ['agent', 'agent'] })).toEqual({ twoFactorRoles: ['agent'] });
  // Applies to the next request of the existing session.
  expect(await domainCode(asAgent.tickets.list.query({}))).toBe('AUTH_TWO_FACTOR_SETUP_REQUIRED');
  expect(await domainCode(asAgent.people.setAvailability.mutate({ availability: 'online' }))).toBe('AUTH_TWO_FACTOR_SETUP_REQUIRED');
  expect((await asAgent.auth.me.query()).twoFactorSetupRequired).toBe(true);
  // Other roles are not touched.
  expect(await domainCode(clientOf(manager.token).tickets.list.query({}))).toBe('ok');

  // Setting it up is allowed, and proving the code in this session lets it carry on.
  const { secret } = await asAgent.account.setupTwoFactor.mutate();
  await asAgent.account.enableTwoFactor.mutate({ code: await generate({ secret }) });
  expect(await domainCode(asAgent.tickets.list.query({}))).toBe('ok');
  expect((await asAgent.auth.me.query()).twoFactorSetupRequired).toBe(false);

  // A new sign-in goes through the code, so its session is fine from the start.
  const step = await clientOf().auth.login.mutate({ email: agent.email, password: TEST_PASSWORD }).catch((e: TRPCClientError<never>) => e);
  const challenge = ((step as TRPCClientError<never>).data as { details: { challenge: string } }).details.challenge;
  const signedIn = await clientOf().auth.verifyTwoFactor.mutate({ challenge, code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }) });
  expect(await domainCode(clientOf(signedIn.token).tickets.list.query({}))).toBe('ok');

  // Another agent who never set it up is held; turning the requirement off frees them at once.
  const other = clientOf((await createUser(api.url, 'agent')).token);
  expect(await domainCode(other.tickets.list.query({}))).toBe('AUTH_TWO_FACTOR_SETUP_REQUIRED');
  await admin.account.saveSecuritySettings.mutate({ twoFactorRoles: [] });
  expect(await domainCode(other.tickets.list.query({}))).toBe('ok');
  expect((await admin.audit.security.query({ kind: 'permission' })).entries.filter((e) => e.action === 'settings.security_updated')).toHaveLength(2);
});

it('is an admin setting, checked', async () => {
  const admin = clientOf((await createUser(api.url, 'admin')).token);
  const manager = clientOf((await createUser(api.url, 'manager')).token);
  expect(apiErrorKind(await manager.account.saveSecuritySettings.mutate({ twoFactorRoles: ['agent'] }).catch((e) => e))).toBe('forbidden');
  expect(apiErrorKind(await manager.account.securitySettings.query({}).catch((e) => e))).toBe('forbidden');
  const bad = await admin.account.saveSecuritySettings.mutate({ twoFactorRoles: ['customer' as 'agent'] }).catch((e) => e);
  expect(apiFieldErrors(bad)).toHaveProperty(['twoFactorRoles.0']);
  expect(await admin.account.securitySettings.query({})).toEqual({ twoFactorRoles: [] });
});
