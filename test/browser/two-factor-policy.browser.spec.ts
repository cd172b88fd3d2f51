import { generate } from 'otplib';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

/** An admin requires two-factor for agents (on a database of its own: it applies to every session there). */
const { api, workspace, browser } = useBrowserStack({
  workspace: true,
  ownDatabase: 'two_factor_policy_ui',
});

it('an agent without two-factor is sent to set it up, and carries on once it is on', async () => {
  const admin = await createUser(api.url, 'admin');
  const agent = await createUser(api.url, 'agent');
  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, workspace.url, admin.email);
  await adminPage.goto(`${workspace.url}/admin/security`);
  await adminPage.check('[data-testid="security-settings"] input[value="agent"]');
  await adminPage.click('[data-testid="security-settings"] button[type="submit"]');
  await adminPage.waitForSelector('[data-testid="flash"]:has-text("Security settings saved.")');
  expect(await adminPage.isChecked('[data-testid="security-settings"] input[value="agent"]')).toBe(true);

  // The agent's next page sends them to their account, which says why.
  await agentPage.goto(`${workspace.url}/tickets`);
  expect(new URL(agentPage.url()).pathname).toBe('/account');
  await agentPage.waitForSelector('[data-testid="two-factor-required"]');
  await agentPage.click('[data-testid="setup-two-factor"]');
  const secret = (await (await agentPage.waitForSelector('[data-testid="two-factor-secret"]')).textContent())!.trim();
  await agentPage.fill('#enable-two-factor-code', await generate({ secret }));
  await agentPage.click('[data-testid="enable-two-factor-form"] button[type="submit"]');
  await agentPage.waitForSelector('[data-testid="recovery-codes"]');
  expect(await agentPage.locator('[data-testid="two-factor-required"]').count()).toBe(0);
  await agentPage.goto(`${workspace.url}/tickets`);
  expect(new URL(agentPage.url()).pathname).toBe('/tickets');
}, 90_000);

it('the account page says when your API keys are refused for want of two-factor, and links to setting it up (decision 030)', async () => {
  const rest = restClient(api.url);
  const admin = await createUser(api.url, 'admin');
  // A key made while agents are not required to use two-factor (a held session may not create keys).
  expect((await rest.raw('PUT', '/api/v1/account/security-settings', admin.token, { twoFactorRoles: [] })).status).toBe(200);
  const agent = await createUser(api.url, 'agent');
  const key = (await rest.post('/account/api-keys', { name: 'Nightly export', scope: 'read' }, agent.token)).body.secret as string;
  expect((await rest.raw('PUT', '/api/v1/account/security-settings', admin.token, { twoFactorRoles: ['agent'] })).status).toBe(200);
  expect((await rest.get('/auth/me', key)).status).toBe(403);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/account`);
  const notice = await page.waitForSelector('[data-testid="api-keys-refused"]');
  expect(await notice.textContent()).toMatch(/Your API keys are refused: the admins require two-factor sign-in for your role \(agent\)/);
  // Next to the keys list, and the key itself is marked.
  expect(await page.locator('section[aria-labelledby="keys-title"] [data-testid="api-keys-refused"]').count()).toBe(1);
  expect(await page.locator('[data-testid="api-key-row"][data-refused="two_factor_not_enrolled"]').count()).toBe(1);
  await page.click('[data-testid="api-keys-refused-setup"]');
  expect(new URL(page.url()).hash).toBe('#two-factor');
  // The link leads to the setup; once two-factor is on, the notice is gone and the key works.
  await page.click('#two-factor [data-testid="setup-two-factor"]');
  const secret = (await (await page.waitForSelector('[data-testid="two-factor-secret"]')).textContent())!.trim();
  await page.fill('#enable-two-factor-code', await generate({ secret }));
  await page.click('[data-testid="enable-two-factor-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="recovery-codes"]');
  expect(await page.locator('[data-testid="api-keys-refused"]').count()).toBe(0);
  expect(await page.locator('[data-testid="api-key-row"][data-refused]').count()).toBe(0);
  expect((await rest.get('/auth/me', key)).status).toBe(200);

  // An admin (a role not required here) sees no notice.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, workspace.url, admin.email);
  await adminPage.goto(`${workspace.url}/account`);
  await adminPage.waitForSelector('section[aria-labelledby="keys-title"]');
  expect(await adminPage.locator('[data-testid="api-keys-refused"]').count()).toBe(0);
}, 90_000);
