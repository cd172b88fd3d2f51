import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { eventually, sql } from '../support/db.js';
import { postInbound, rawForm } from '../support/inbound-email.js';
import { htmlMail } from '../support/mime.js';
import { createCompany, createUser } from '../support/people.js';

/** Inline email images in place on both timelines; the admin pages for support addresses and templates. */
const SECRET = 'inbound-secret-for-inline-browser';
const { api, portal, workspace, browser } = useBrowserStack({
  portal: true,
  workspace: true,
  worker: true,
  env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test' },
});

/** The <img> in the entry's body has loaded real pixels through the app's attachment route. */
async function inlineImageShown(page: Page, entryId: number) {
  const selector = `[data-entry-id="${entryId}"] .sb-entry__html img[data-inline-attachment-id]`;
  await page.waitForFunction((s) => {
    const img = document.querySelector<HTMLImageElement>(s);
    return !!img && img.complete && img.naturalWidth > 0 && img.getAttribute('src')!.startsWith('/attachments/');
  }, selector);
  // Shown in place, so not listed again as a file under the entry.
  expect(await page.locator(`[data-entry-id="${entryId}"] [data-testid="attachment"]`).count()).toBe(0);
}

it('shows an email’s inline image in place, to the agent in the workspace and to the customer in the portal', async () => {
  const customer = await createUser(api.url, 'customer', { name: 'Ines Inline' });
  const agent = await createUser(api.url, 'agent');
  const messageId = `inline-${randomBytes(4).toString('hex')}@mail.example.test`;
  const mime = readFileSync(join(import.meta.dirname, '../fixtures/email/05-inline-cid-image.eml'), 'latin1')
    .replace(/^From:.*$/im, `From: Ines Inline <${customer.email}>`)
    .replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`);
  expect((await postInbound(api.url, rawForm(Buffer.from(mime, 'latin1')), { secret: SECRET })).status).toBe(200);
  const row = await eventually(async () => {
    const [r] = await sql<{ status: string; ticket_id: number; ticket_entry_id: number }>('SELECT status, ticket_id, ticket_entry_id FROM inbound_emails WHERE message_id = ?', [messageId]);
    return r?.status === 'processed' ? r : null;
  }, 15_000);

  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${row.ticket_id}`);
  await inlineImageShown(agentPage, row.ticket_entry_id);
  // The original as it arrived is one click away for staff.
  await Promise.all([
    agentPage.waitForURL(`${workspace.url}/tickets/${row.ticket_id}/email/${row.ticket_entry_id}`),
    agentPage.click(`[data-entry-id="${row.ticket_entry_id}"] [data-testid="entry-original"]`),
  ]);
  await expect(agentPage.locator('[data-testid="original-text"]').textContent()).resolves.toContain('See the error:');

  const customerPage = await (await browser.newContext()).newPage();
  await signIn(customerPage, portal.url, customer.email);
  await customerPage.goto(`${portal.url}/tickets/${row.ticket_id}`);
  await inlineImageShown(customerPage, row.ticket_entry_id);
});

it('lets an admin add a company’s support address, and preview a template, seeing a liquid error by its field', async () => {
  const companyId = await createCompany(`Brandy ${Date.now()}`);
  const admin = await createUser(api.url, 'admin');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);

  await page.goto(`${workspace.url}/admin/email-addresses`);
  const add = page.locator('[data-testid="address-add"]');
  await add.locator('input[name="address"]').fill('help@brandy.test');
  await add.locator('input[name="displayName"]').fill('Brandy Help');
  await add.locator('select[name="companyId"]').selectOption(String(companyId));
  await Promise.all([page.waitForURL(`${workspace.url}/admin/email-addresses`), add.locator('button[value="save"]').click()]);
  await page.locator('[data-testid="address-row"][data-address="help@brandy.test"]').waitFor();
  expect(await sql('SELECT display_name, company_id FROM email_support_addresses WHERE address = ?', ['help@brandy.test'])).toEqual([{ display_name: 'Brandy Help', company_id: companyId }]);
  // The same address again is refused next to the form.
  await add.locator('input[name="address"]').fill('help@brandy.test');
  await add.locator('button[value="save"]').click();
  await expect(page.locator('[data-testid="address-add"] [data-testid="field-error"]').textContent()).resolves.toContain('address');

  await page.goto(`${workspace.url}/admin/email-templates?kind=csat&companyId=${companyId}`);
  await page.fill('#tpl-text', '{% for link in rating.links %}{{ link.score }}');
  await page.click('[data-testid="template-preview"]');
  await expect(page.locator('[data-testid="error-text"]').textContent()).resolves.toContain('is not a valid template (tag {% for link in rating.links %} not closed');
  await page.fill('#tpl-text', 'Rate us: {% for link in rating.links %}{{ link.score }} {% endfor %}');
  await page.click('[data-testid="template-preview"]');
  await expect(page.locator('[data-testid="preview-text"]').textContent()).resolves.toBe('Rate us: 1 2 3 4 5 ');
  await expect(page.locator('[data-testid="preview-subject"]').textContent()).resolves.toBe('[#1234] How did we do?');
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid="template-save"]')]);
  await eventually(async () => {
    const rows = await sql<{ body_text: string }>("SELECT body_text FROM email_templates WHERE company_key = ? AND kind = 'csat'", [companyId]);
    return rows[0]?.body_text.startsWith('Rate us:') ? rows : null;
  });
});

it('lets an agent move an emailed message to another ticket from the ticket page, with a reason both timelines show', async () => {
  const customer = await createUser(api.url, 'customer');
  const agent = await createUser(api.url, 'agent', { name: 'Mo Mover' });
  const receive = async (subject: string, text: string) => {
    const messageId = `move-${randomBytes(4).toString('hex')}@mail.example.test`;
    const mime = `From: <${customer.email}>\r\nTo: support@acme.test\r\nSubject: ${subject}\r\nMessage-ID: <${messageId}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`;
    expect((await postInbound(api.url, rawForm(Buffer.from(mime)), { secret: SECRET })).status).toBe(200);
    return eventually(async () => {
      const [r] = await sql<{ status: string; ticket_id: number; ticket_entry_id: number }>('SELECT status, ticket_id, ticket_entry_id FROM inbound_emails WHERE message_id = ?', [messageId]);
      return r?.status === 'processed' ? r : null;
    }, 15_000);
  };
  const printer = await receive('Printer jammed', 'Floor 3 printer is jammed.');
  const vpn = await receive('VPN down', 'VPN is down.');
  const stray = await receive(`Re: Printer jammed [#${printer.ticket_id}]`, 'And the VPN still drops.');
  expect(stray.ticket_id).toBe(printer.ticket_id);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/tickets/${printer.ticket_id}`);
  const form = page.locator('[data-testid="move-form"]');
  await form.locator('select[name="entryId"]').selectOption(String(stray.ticket_entry_id));
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.locator('[data-testid="move-submit"]').click()]);
  await form.locator('[data-testid="field-error"]').waitFor();
  expect(await form.locator('[data-testid="field-error"]').innerText()).toBe('Enter the number of the ticket to move it to, like 1003.');

  await form.locator('select[name="entryId"]').selectOption(String(stray.ticket_entry_id));
  await form.locator('input[name="targetId"]').fill(String(vpn.ticket_id));
  await form.locator('input[name="reason"]').fill('about the VPN');
  await Promise.all([page.waitForURL((url) => url.pathname === `/tickets/${vpn.ticket_id}`), form.locator('[data-testid="move-submit"]').click()]);
  expect(await page.locator('[data-testid="flash"]').innerText()).toContain(`moved here from #${printer.ticket_id}`);
  expect(await page.locator(`[data-entry-id="${stray.ticket_entry_id}"]`).innerText()).toContain('And the VPN still drops.');
  expect(await page.locator('[data-testid="timeline-entry"][data-field="moved_in"]').innerText()).toContain(`Mo Mover moved a message here from #${printer.ticket_id} (reason: about the VPN)`);
  // The email module follows the move on an event, right after the move committed.
  await eventually(async () => ((await sql<{ route: string }>('SELECT route FROM inbound_emails WHERE ticket_entry_id = ?', [stray.ticket_entry_id]))[0]?.route === 'moved' ? true : null));
  await page.reload();
  expect(await page.locator(`[data-entry-id="${stray.ticket_entry_id}"] [data-testid="entry-note"]`).innerText()).toContain(`moved from #${printer.ticket_id} by Mo Mover: about the VPN`);
});

it('shows an HTML email’s own words with its quoted history folded, opening it on a click without JavaScript, in the workspace and the portal', async () => {
  const customer = await createUser(api.url, 'customer', { name: 'Gina Gmail' });
  const agent = await createUser(api.url, 'agent');
  const { mime, messageId } = htmlMail({
    from: `Gina Gmail <${customer.email}>`,
    subject: 'Invoices missing',
    text: 'Thanks, restarting the sync agent fixed it.\nThe invoices show up again.\n\nOn Sun, Nov 22, 2026 Acme Support wrote:\n> please restart the sync agent',
    html: readFileSync(join(import.meta.dirname, '../fixtures/email/html/gmail-reply.html'), 'utf8'),
  });
  expect((await postInbound(api.url, rawForm(mime), { secret: SECRET })).status).toBe(200);
  const row = await eventually(async () => {
    const [r] = await sql<{ status: string; ticket_id: number; ticket_entry_id: number }>('SELECT status, ticket_id, ticket_entry_id FROM inbound_emails WHERE message_id = ?', [messageId]);
    return r?.status === 'processed' ? r : null;
  }, 15_000);

  const check = async (page: Page) => {
    const body = page.locator(`[data-entry-id="${row.ticket_entry_id}"] .sb-entry__html`);
    await expect(body.innerText()).resolves.toContain('Thanks, restarting the sync agent fixed it.');
    const quote = body.locator('details.quoted', { hasText: 'Quoted text' });
    expect(await quote.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await body.getByText('please restart the sync agent').isVisible()).toBe(false);
    expect(await body.locator('img').count()).toBe(0); // the signature's remote logo is never loaded
    await quote.locator('summary').click();
    await body.getByText('please restart the sync agent').waitFor({ state: 'visible' });
    expect(await quote.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
  };

  // Workspace, with JavaScript switched off: <details> is native.
  const agentPage = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${row.ticket_id}`);
  await check(agentPage);

  const customerPage = await (await browser.newContext()).newPage();
  await signIn(customerPage, portal.url, customer.email);
  await customerPage.goto(`${portal.url}/tickets/${row.ticket_id}`);
  await check(customerPage);
});
