import { generate } from 'otplib';
import { signIn } from '../support/browser.js';
import { sql } from '../support/db.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** Forgotten password in the portal, and API keys on the workspace's account page. */

const { api, portal, workspace, browser } = useBrowserStack({ portal: true, workspace: true });

/** The reset link of the latest request for this address, as the outbox row carries it to the mailer. */
async function resetLink(email: string): Promise<string> {
  const [row] = await sql<{ url: string }>(
    "SELECT JSON_UNQUOTE(JSON_EXTRACT(payload, '$.resetUrl')) AS url FROM outbox_events WHERE topic = 'auth.password_reset' AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.email')) = ? ORDER BY id DESC LIMIT 1",
    [email],
  );
  return row.url;
}

it('a customer who forgot the password gets a link, is told why a weak one is refused, and signs in with the new one', async () => {
  const customer = await createUser(api.url, 'customer');
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${portal.url}/login`);
  await Promise.all([page.waitForURL(/\/forgot-password$/), page.click('[data-testid="forgot-password"]')]);
  await page.fill('input[name="email"]', customer.email);
  await page.click('[data-testid="forgot-form"] button[type="submit"]');
  await page.waitForSelector('text=a link to choose a new password is on its way');

  const link = new URL(await resetLink(customer.email));
  expect(link.pathname).toBe('/reset-password');
  await page.goto(`${portal.url}${link.pathname}${link.search}`);
  await page.fill('input[name="password"]', 'password12345');
  await page.click('[data-testid="reset-form"] button[type="submit"]');
  expect(await (await page.waitForSelector('#password-error')).textContent()).toContain('most common passwords');

  await page.fill('input[name="password"]', 'amber-lantern-fjord-9');
  await page.click('[data-testid="reset-form"] button[type="submit"]');
  // Remix moves the URL before it renders the next page: wait for what the customer reads.
  await page.waitForSelector('text=Your password is changed');
  expect(new URL(page.url()).pathname).toBe('/login');
  await signIn(page, portal.url, customer.email, 'amber-lantern-fjord-9');
  expect(new URL(page.url()).pathname).toBe('/tickets');

  // The old password is gone, and the link does not work twice.
  const again = await (await browser.newContext()).newPage();
  await again.goto(`${portal.url}${link.pathname}${link.search}`);
  await again.fill('input[name="password"]', 'another-lantern-fjord-9');
  await again.click('[data-testid="reset-form"] button[type="submit"]');
  expect(await (await again.waitForSelector('[role="alert"]')).textContent()).toContain('invalid, expired or already used');
  expect((await fetch(`${api.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: customer.email, password: TEST_PASSWORD }),
  })).status).toBe(401);
});

it('an agent creates an API key that is shown once, sees it listed by prefix, and revokes it', async () => {
  const agent = await createUser(api.url, 'agent');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await Promise.all([page.waitForURL(/\/account$/), page.click('[data-testid="nav-account"]')]);
  await page.waitForSelector('[data-testid="sessions"]');
  expect(await page.locator('[data-testid="session-row"][data-current="true"]').count()).toBe(1);

  await page.fill('#key-name', 'Nightly export');
  await page.selectOption('#key-scope', 'read');
  await page.click('[data-testid="create-key"] button[type="submit"]');
  const secret = (await (await page.waitForSelector('[data-testid="new-key-secret"]')).textContent())!.trim();
  expect(secret).toMatch(/^sbk_/);
  const works = await fetch(`${api.url}/api/v1/tickets`, { headers: { authorization: `Bearer ${secret}` } });
  expect(works.status).toBe(200);

  // Reloading shows the key by name and prefix, never the secret again.
  await page.goto(`${workspace.url}/account`);
  expect(await page.textContent('[data-testid="api-keys"]')).toContain('Nightly export');
  expect(await page.content()).not.toContain(secret);
  await page.click('[data-testid="api-key-row"]:has-text("Nightly export") button[type="submit"]');
  await page.waitForSelector('[data-testid="api-key-row"][data-revoked="true"]');
  const refused = await fetch(`${api.url}/api/v1/tickets`, { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status).toBe(401);
});

it('an agent turns on two-factor sign-in and then signs in with password and code', async () => {
  const agent = await createUser(api.url, 'agent');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/account`);
  await page.click('[data-testid="setup-two-factor"]');
  const secret = (await (await page.waitForSelector('[data-testid="two-factor-secret"]')).textContent())!.trim();
  await page.fill('#enable-two-factor-code', await generate({ secret }));
  await page.click('[data-testid="enable-two-factor-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="two-factor"][data-enabled="true"]');

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`${workspace.url}/login`);
  await fresh.fill('input[name="email"]', agent.email);
  await fresh.fill('input[name="password"]', TEST_PASSWORD);
  await fresh.click('button[type="submit"]');
  await fresh.waitForSelector('[data-testid="two-factor-form"]');
  await fresh.fill('#code', '123456');
  await fresh.click('[data-testid="two-factor-form"] button[type="submit"]');
  expect(await (await fresh.waitForSelector('#code-error')).textContent()).toContain('not valid');
  // The confirmation code's step is used up: the next step's code signs in.
  await fresh.fill('#code', await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await Promise.all([fresh.waitForURL((url) => !url.pathname.startsWith('/login')), fresh.click('[data-testid="two-factor-form"] button[type="submit"]')]);
  expect(new URL(fresh.url()).pathname).toBe('/tickets');
});

it('a new customer is asked to confirm the address and does so from the emailed link', async () => {
  const email = `nina-${Date.now()}@example.test`;
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${portal.url}/register`);
  await page.fill('input[name="name"]', 'Nina New');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'copper-meadow-river-3');
  await Promise.all([page.waitForURL(/\/tickets$/), page.click('button[type="submit"]')]);
  expect(await (await page.waitForSelector('[data-testid="verify-banner"]')).textContent()).toContain(email);

  const [row] = await sql<{ url: string }>(
    "SELECT JSON_UNQUOTE(JSON_EXTRACT(payload, '$.verifyUrl')) AS url FROM outbox_events WHERE topic = 'auth.verify_email' AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.email')) = ?",
    [email],
  );
  const link = new URL(row.url);
  // Opening the link changes nothing by itself (mail scanners open links too); the button confirms.
  await page.goto(`${portal.url}${link.pathname}${link.search}`);
  expect(await sql('SELECT 1 FROM users WHERE email = ? AND email_verified_at IS NULL', [email])).toHaveLength(1);
  await page.click('[data-testid="verify-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="verified"]');
  await page.goto(`${portal.url}/tickets`);
  await page.waitForSelector('h1:has-text("My tickets")');
  expect(await page.locator('[data-testid="verify-banner"]').count()).toBe(0);
});
