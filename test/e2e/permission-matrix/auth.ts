import { uniqueEmail } from '../../support/http.js';
import { TEST_PASSWORD } from '../../support/people.js';
import { row, staffOnly, adminOnly, everyone, publicOk, all, staffAnswer, type Rows } from './rows.js';

/** Sign-in, password reset, verification, SSO, and the signed-in user's own sessions, API keys and second factor. */
export const authRows: Rows = {
  // Password reset, verification, two-factor and single sign-on (SSO is not configured in this API).
  'auth.requestPasswordReset': { probe: (f) => f.client.auth.requestPasswordReset.mutate({ email: uniqueEmail('nobody') }), expect: publicOk },
  'auth.resetPassword': { probe: (f) => f.client.auth.resetPassword.mutate({ token: 'sbr_not-a-token', password: 'violet-kettle-42' }), expect: all('bad_request') },
  'auth.verifyEmail': { probe: (f) => f.client.auth.verifyEmail.mutate({ token: 'sbv_not-a-token' }), expect: all('bad_request') },
  'auth.resendVerification': { probe: (f) => f.client.auth.resendVerification.mutate({}), expect: everyone },
  'auth.verifyTwoFactor': { probe: (f) => f.client.auth.verifyTwoFactor.mutate({ challenge: '1.2.forged', code: '123456' }), expect: all('unauthorized') },
  'auth.ssoProviders': { probe: (f) => f.client.auth.ssoProviders.query(), expect: publicOk },
  'auth.ssoStart': { probe: (f) => f.client.auth.ssoStart.mutate({}), expect: all('not_found') },
  'auth.ssoFinish': {
    probe: (f) =>
      f.client.auth.ssoFinish.mutate({ callbackUrl: 'http://127.0.0.1/sso/callback?code=c&state=s', state: 's', nonce: 'n', codeVerifier: 'v'.repeat(43) }),
    expect: all('not_found'),
  },
  // The signed-in user's own sessions, API keys and second factor.
  'account.sessions': { probe: (f) => f.client.account.sessions.query({}), expect: everyone },
  'account.revokeSession': { probe: (f) => f.client.account.revokeSession.mutate({ id: 2_000_000_000 }), expect: row('not_found') },
  // From the probe's own client: every other session of that user ends, this one stays.
  'account.revokeOtherSessions': { probe: (f) => f.client.account.revokeOtherSessions.mutate({}), expect: everyone },
  'account.apiKeys': { probe: (f) => f.client.account.apiKeys.query({}), expect: staffOnly },
  'account.createApiKey': { probe: (f) => f.client.account.createApiKey.mutate({ name: 'matrix', scope: 'read' }), expect: staffOnly },
  'account.revokeApiKey': { probe: (f) => f.client.account.revokeApiKey.mutate({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
  'account.twoFactorStatus': { probe: (f) => f.client.account.twoFactorStatus.query({}), expect: everyone },
  'account.setupTwoFactor': { probe: (f) => f.client.account.setupTwoFactor.mutate({}), expect: staffOnly },
  'account.enableTwoFactor': {
    probe: async (f) => {
      await f.client.account.setupTwoFactor.mutate({}).catch(() => undefined);
      return f.client.account.enableTwoFactor.mutate({ code: '000000' });
    },
    expect: staffAnswer('bad_request'),
  },
  // Not on for anyone here: staff get 409 (nothing to turn off), customers are refused first.
  'account.disableTwoFactor': { probe: (f) => f.client.account.disableTwoFactor.mutate({ code: '000000' }), expect: staffAnswer('conflict') },
  'auth.login': { probe: (f) => f.client.auth.login.mutate({ email: f.loginEmail, password: TEST_PASSWORD }), expect: publicOk },
  'auth.register': { probe: (f) => f.client.auth.register.mutate({ name: 'New', email: uniqueEmail('reg'), password: 'a-long-password' }), expect: publicOk },
  'auth.logout': { probe: async (f) => (await f.freshClient()).auth.logout.mutate({}), expect: everyone },
  'auth.me': { probe: (f) => f.client.auth.me.query(), expect: everyone },
  // Two-factor is not on for anyone here: staff get 409, customers are refused first.
  'account.regenerateRecoveryCodes': { probe: (f) => f.client.account.regenerateRecoveryCodes.mutate({ code: '000000' }), expect: staffAnswer('conflict') },
  'account.resetUserTwoFactor': { probe: (f) => f.client.account.resetUserTwoFactor.mutate({ userId: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  'account.securitySettings': { probe: (f) => f.client.account.securitySettings.query({}), expect: adminOnly },
  // Saves "nobody is required", as every other test runs: the one test that requires it has a database of its own.
  'account.saveSecuritySettings': { probe: (f) => f.client.account.saveSecuritySettings.mutate({ twoFactorRoles: [] }), expect: adminOnly },
  // Single sign-on group provisioning is the admins' (decision 027); the save names a missing team, so it changes nothing.
  'account.ssoGroupMappings': { probe: (f) => f.client.account.ssoGroupMappings.query({}), expect: adminOnly },
  'account.saveSsoGroupMappings': {
    probe: (f) => f.client.account.saveSsoGroupMappings.mutate({ mappings: [{ group: 'matrix-group', teamId: 2_000_000_000 }] }),
    expect: row('forbidden', { admin: 'bad_request' }),
  },
};
