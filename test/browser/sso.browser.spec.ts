import type { Page } from 'playwright-core';
import { startApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { startOidcProvider, type RunningProvider } from '../support/oidc-provider.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { freePort } from '../support/web-apps.js';

/** Staff single sign-on against a real OpenID Connect provider started here (oidc-provider), no mocks. */
let provider: RunningProvider;
const OIDC_ENV = ['WORKSPACE_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_LABEL'] as const;
const saved = Object.fromEntries(OIDC_ENV.map((k) => [k, process.env[k]]));

const { api, workspace, browser } = useBrowserStack({
  workspace: true,
  // The provider must know the workspace's callback address before either starts.
  before: async () => {
    const [workspacePort, providerPort] = [await freePort(), await freePort()];
    const workspaceUrl = `http://127.0.0.1:${workspacePort}`;
    provider = await startOidcProvider(providerPort, `${workspaceUrl}/sso/callback`);
    Object.assign(process.env, {
      WORKSPACE_URL: workspaceUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_LABEL: 'Acme SSO',
    });
    return { workspacePort };
  },
  after: async () => {
    await provider?.close();
    for (const key of OIDC_ENV) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  },
});

/** Click "Sign in with Acme SSO", sign in at the provider as `login`, and consent. */
async function signInWithSso(page: Page, login: string) {
  await page.goto(`${workspace.url}/login`);
  await page.click('[data-testid="sso"]');
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'anything');
  await page.click('button[type="submit"]');
  // The provider's consent page, then back to the workspace.
  await page.waitForSelector('button:has-text("Continue")');
  await page.click('button:has-text("Continue")');
  await page.waitForURL((url) => url.href.startsWith(workspace.url));
}

it('an agent signs in through the identity provider and lands in the queue; the sign-in is audited', async () => {
  const agent = await createUser(api.url, 'agent', { name: 'Sol Single' });
  const page = await (await browser.newContext()).newPage();
  await signInWithSso(page, agent.email);
  await page.waitForSelector('[data-testid="current-user"]');
  expect(new URL(page.url()).pathname).toBe('/tickets');
  expect(await page.textContent('[data-testid="current-user"]')).toContain('Sol Single');
  const audit = await sql<{ after_state: string | { sso: string } }>(
    "SELECT after_state FROM audit_log WHERE action = 'auth.signed_in' AND subject_id = ? ORDER BY id DESC LIMIT 1",
    [String(agent.id)],
  );
  const after = typeof audit[0].after_state === 'string' ? JSON.parse(audit[0].after_state) : audit[0].after_state;
  expect(after).toMatchObject({ sso: 'oidc', issuer: provider.issuer, subject: agent.email });
});

it('an address without a staff account, a customer, or an unverified address is sent back with the reason', async () => {
  const customer = await createUser(api.url, 'customer');
  for (const [login, reason] of [
    [`stranger-${Date.now()}@example.test`, 'No staff account uses'],
    [customer.email, 'No staff account uses'],
    [`unverified-${Date.now()}@example.test`, 'did not assert a verified email address'],
  ] as const) {
    const page = await (await browser.newContext()).newPage();
    await signInWithSso(page, login);
    expect(await (await page.waitForSelector('[data-testid="error"]')).textContent()).toContain(reason);
    expect(new URL(page.url()).pathname).toBe('/login');
  }
});

it('the workspace offers no SSO button when the API has no provider, and the API says it is not configured', async () => {
  const plainApi = await (async () => {
    for (const key of OIDC_ENV) delete process.env[key];
    try {
      return await startApi();
    } finally {
      Object.assign(process.env, { WORKSPACE_URL: workspace.url, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret });
    }
  })();
  try {
    expect(await (await fetch(`${plainApi.url}/api/v1/auth/sso`)).json()).toEqual({ oidc: { enabled: false, label: '' } });
    const start = await fetch(`${plainApi.url}/api/v1/auth/sso/oidc/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(start.status).toBe(404);
    expect((await start.json()).message).toContain('not configured');
  } finally {
    await plainApi.close();
  }
});
