import { loadConfig } from './config.schema.js';

describe('loadConfig', () => {
  it('has defaults that work on a developer machine', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('mysql://root@127.0.0.1:3306/switchboard');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(4000);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/DATABASE_URL: must be a URL starting with mysql:/);
    expect(() => loadConfig({ REDIS_URL: 'nope' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT: must be a port number/);
  });

  it('prefers API_PORT over PORT', () => {
    expect(loadConfig({ PORT: '5000', API_PORT: '4100' }).port).toBe(4100);
    expect(loadConfig({ PORT: '5000' }).port).toBe(5000);
  });

  it('has lifecycle defaults and a development signing secret that says it is one', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ portalUrl: 'http://localhost:3000', ratingLinkTtlDays: 14, reopenWindowDays: 7, autoCloseDays: 4 });
    expect(config.signingSecretIsDefault).toBe(true);
    const set = loadConfig({ SIGNING_SECRET: 'a-real-secret-of-enough-length', PORTAL_URL: 'https://help.example.com/' });
    expect(set).toMatchObject({ signingSecret: 'a-real-secret-of-enough-length', signingSecretIsDefault: false, portalUrl: 'https://help.example.com' });
    expect(() => loadConfig({ SIGNING_SECRET: 'short' })).toThrow(/SIGNING_SECRET: must be at least 16 characters/);
  });

  it('reads the attachment limits, and names a wrong one', () => {
    const defaults = loadConfig({}).attachments;
    expect(defaults.maxBytes).toBe(10 * 1024 * 1024);
    expect(defaults.dir).toMatch(/\.data\/attachments$/);
    expect(defaults.types).toContain('application/pdf');
    const custom = loadConfig({ ATTACHMENTS_DIR: '/srv/files', ATTACHMENT_MAX_BYTES: '1024', ATTACHMENT_TYPES: 'image/*, application/pdf' });
    expect(custom.attachments).toEqual({ dir: '/srv/files', maxBytes: 1024, types: ['image/*', 'application/pdf'] });
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: 'lots' })).toThrow(/ATTACHMENT_MAX_BYTES: must be a number of bytes/);
    expect(() => loadConfig({ ATTACHMENT_TYPES: 'pdf' })).toThrow(/ATTACHMENT_TYPES: must be a comma-separated list/);
  });

  it('turns single sign-on on only with issuer, client id and secret together', () => {
    expect(loadConfig({}).oidc).toBeNull();
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.com' })).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    const oidc = loadConfig({
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_CLIENT_ID: 'desk',
      OIDC_CLIENT_SECRET: 's3cret',
      WORKSPACE_URL: 'https://desk.example.com/',
    }).oidc;
    expect(oidc).toEqual({
      issuer: 'https://login.example.com',
      clientId: 'desk',
      clientSecret: 's3cret',
      label: 'single sign-on',
      redirectUri: 'https://desk.example.com/sso/callback',
      groupsClaim: 'groups',
      extraScopes: [],
    });
  });

  it('reads the groups claim name and the extra scopes for single sign-on, and names a wrong one', () => {
    const sso = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'desk', OIDC_CLIENT_SECRET: 's3cret' };
    expect(loadConfig({ ...sso, OIDC_GROUPS_CLAIM: 'realm_access.roles', OIDC_GROUPS_SCOPE: 'groups, openid offline_access groups' }).oidc).toMatchObject({
      groupsClaim: 'realm_access.roles',
      extraScopes: ['groups', 'offline_access'],
    });
    expect(() => loadConfig({ ...sso, OIDC_GROUPS_CLAIM: 'my groups' })).toThrow(/OIDC_GROUPS_CLAIM: must be one claim name without spaces/);
    expect(() => loadConfig({ ...sso, OIDC_GROUPS_SCOPE: 'groups "all"' })).toThrow(/OIDC_GROUPS_SCOPE: must be scope names/);
  });

  it('has Twilio off by default, and names a wrong Twilio setting', () => {
    const off = loadConfig({}).twilio;
    expect(off).toMatchObject({ accountSid: null, authToken: null, apiBaseUrl: null, webhookBaseUrl: 'http://localhost:4000', agentPhones: [], timeZone: 'UTC', joinHours: 72 });
    const on = loadConfig({ PUBLIC_API_URL: 'https://help.example.com/', TWILIO_AGENT_PHONES: '+4930123456, +4930654321', TWILIO_TIME_ZONE: 'Europe/Berlin' }).twilio;
    expect(on).toMatchObject({ webhookBaseUrl: 'https://help.example.com', agentPhones: ['+4930123456', '+4930654321'], timeZone: 'Europe/Berlin' });
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'nope' })).toThrow(/TWILIO_ACCOUNT_SID: must be an account SID/);
    expect(() => loadConfig({ TWILIO_AGENT_PHONES: '030 123456' })).toThrow(/TWILIO_AGENT_PHONES: must be comma-separated E.164/);
    expect(() => loadConfig({ TWILIO_BUSINESS_HOURS: '9 to 5' })).toThrow(/TWILIO_BUSINESS_HOURS: must look like/);
    expect(() => loadConfig({ TWILIO_TIME_ZONE: 'Mars/Olympus' })).toThrow(/TWILIO_TIME_ZONE: must be an IANA time zone/);
  });
});

describe('TRUSTED_PROXIES (decision 027)', () => {
  it('trusts only loopback by default and takes addresses, ranges and named ranges', () => {
    expect(loadConfig({}).trustedProxies).toEqual(['loopback']);
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.7 ,fd00::/8,loopback, 172.16.0.0/255.240.0.0' }).trustedProxies).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      'loopback',
      '172.16.0.0/255.240.0.0',
    ]);
  });

  it('refuses at boot anything that is not an address or range, naming the variable', () => {
    for (const bad of ['*', 'true', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/9', ',']) {
      expect(() => loadConfig({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES: must be comma-separated addresses/);
    }
  });
});
