import { createApiClient } from '@switchboard/trpc-client';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { eventually, sql } from '../support/db.js';
import { uniqueEmail } from '../support/http.js';
import { createUser } from '../support/people.js';

/** A company admin in the portal: their company's branding, its people, an invitation accepted, a member removed. */
const { api, portal, browser } = useBrowserStack({ portal: true });

it('a company admin sees the branding, invites a colleague who joins, and removes a member', async () => {
  const admin = createApiClient({ url: api.url, token: (await createUser(api.url, 'admin')).token });
  const company = await admin.companies.save.mutate({
    name: `Vandelay ${Date.now().toString(36)}`,
    ticketVisibility: 'company',
    brandName: 'Vandelay Industries',
    brandPrimaryColor: '#8b0000',
  });
  const boss = await createUser(api.url, 'customer', { companyId: company.id, name: 'Art Vandelay' });
  await admin.companies.setCompanyAdmin.mutate({ userId: boss.id, companyAdmin: true });
  const leaver = await createUser(api.url, 'customer', { companyId: company.id, name: 'Kel Varnsen' });
  await createApiClient({ url: api.url, token: leaver.token }).tickets.create.mutate({ subject: 'Latex order', description: 'x' });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, portal.url, boss.email);
  expect(await page.textContent('[data-testid="company-brand"]')).toContain('Vandelay Industries');
  expect(await page.getAttribute('[data-testid="site-header"]', 'style')).toContain('--brand-primary: #8b0000');

  await Promise.all([page.waitForURL((url) => url.pathname === '/company'), page.click('nav >> text=Company')]);
  expect(await page.textContent('[data-testid="company-tickets"]')).toContain('Latex order');
  await page.waitForSelector(`[data-testid="member-row"][data-email="${leaver.email}"]`);

  const email = uniqueEmail('george');
  await page.fill('[data-testid="invite-form"] input[name="name"]', 'George Costanza');
  await page.fill('[data-testid="invite-form"] input[name="email"]', email);
  await page.click('[data-testid="invite-form"] button[type="submit"]');
  await page.waitForSelector(`[data-testid="flash"]:has-text("Invitation sent to ${email}")`);
  expect(await page.textContent(`[data-testid="member-row"][data-email="${email}"]`)).toContain('invited');

  await page.click(`[data-testid="member-row"][data-email="${leaver.email}"] [data-testid="remove-member"]`);
  await page.waitForSelector('[data-testid="flash"]:has-text("Removed from the company.")');
  expect(await page.locator(`[data-testid="member-row"][data-email="${leaver.email}"]`).count()).toBe(0);
  expect(await page.textContent('[data-testid="company-tickets"]')).not.toContain('Latex order');

  // The invitee follows the emailed link (its path and token) to the portal and is signed in, in the company's colours.
  const payload = await eventually(async () => {
    const [row] = await sql<{ payload: string | { link: string } }>("SELECT payload FROM outbox_events WHERE topic = 'company.invited' AND JSON_EXTRACT(payload, '$.email') = ?", [email]);
    return row ? (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) : null;
  });
  const link = new URL(payload.link);
  expect(link.pathname).toBe('/invitation');
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(`${portal.url}/invitation${link.search}`);
  await invitee.fill('input[name="name"]', 'George Costanza');
  await invitee.fill('input[name="password"]', 'marine-biologist-7');
  await Promise.all([invitee.waitForURL((url) => url.pathname === '/tickets'), invitee.click('[data-testid="accept-form"] button[type="submit"]')]);
  expect(await invitee.textContent('[data-testid="company-brand"]')).toContain('Vandelay Industries');
  // Not an administrator: no Company page for them.
  expect(await invitee.locator('nav >> text=Company').count()).toBe(0);
  expect((await invitee.goto(`${portal.url}/company`))?.status()).toBe(404);
}, 90_000);
