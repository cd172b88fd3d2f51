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
    });
  });
});
