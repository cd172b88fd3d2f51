import { generate } from 'otplib';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
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
