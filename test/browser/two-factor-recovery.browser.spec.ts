import { generate } from 'otplib';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';

/** Recovery codes shown once in the workspace, a sign-in with one, an admin's reset, and the security log. */
const { api, workspace, browser } = useBrowserStack({ workspace: true });

it('an agent keeps recovery codes, signs in with one; an admin resets their two-factor and reads it in the security log', async () => {
  const agent = await createUser(api.url, 'agent', { name: 'Rita Recovery' });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/account`);
  await page.click('[data-testid="setup-two-factor"]');
  const secret = (await (await page.waitForSelector('[data-testid="two-factor-secret"]')).textContent())!.trim();
  await page.fill('#enable-two-factor-code', await generate({ secret }));
  await page.click('[data-testid="enable-two-factor-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="recovery-codes"]');
  const codes = (await page.locator('[data-testid="recovery-codes"] code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  // Shown once: after a reload only the count is left.
  await page.goto(`${workspace.url}/account`);
  expect(await page.locator('[data-testid="recovery-codes"]').count()).toBe(0);
  expect(await page.textContent('[data-testid="recovery-codes-left"]')).toContain('10 recovery codes left');

  // A new browser, no phone: a recovery code signs in.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`${workspace.url}/login`);
  await fresh.fill('input[name="email"]', agent.email);
  await fresh.fill('input[name="password"]', TEST_PASSWORD);
  await fresh.click('button[type="submit"]');
  await fresh.waitForSelector('[data-testid="two-factor-form"]');
  await fresh.fill('#code', codes[3]);
  await Promise.all([fresh.waitForURL((url) => !url.pathname.startsWith('/login')), fresh.click('[data-testid="two-factor-form"] button[type="submit"]')]);

  // The admin resets it from the person's page and finds it in the security log.
  const admin = await createUser(api.url, 'admin');
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, workspace.url, admin.email);
  await adminPage.goto(`${workspace.url}/admin/people/${agent.id}`);
  await adminPage.click('[data-testid="reset-two-factor"] button[type="submit"]');
  await adminPage.waitForSelector('[data-testid="flash"]:has-text("Two-factor sign-in is off for them")');
  await adminPage.goto(`${workspace.url}/admin/security?userId=${agent.id}`);
  const actions = await adminPage.locator('[data-testid="security-log"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  expect(actions[0]).toBe('auth.two_factor_reset');
  expect(actions).toEqual(expect.arrayContaining(['auth.two_factor_enabled', 'auth.signed_in']));

  // Their sessions were revoked: the agent's pages send them back to sign in.
  await fresh.goto(`${workspace.url}/tickets`);
  expect(new URL(fresh.url()).pathname).toBe('/login');
}, 90_000);
