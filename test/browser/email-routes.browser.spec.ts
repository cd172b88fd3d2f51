import { signIn } from '../support/browser.js';
import { eventually, sql } from '../support/db.js';
import { uniqueEmail } from '../support/http.js';
import { postInbound, rawForm } from '../support/inbound-email.js';
import { newMessageId, simpleMail } from '../support/mime.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** Agents see why each email landed on a ticket; admins see (and retry) the mail that failed. */
const SECRET = 'inbound-secret-for-the-browser';
const { api, workspace, browser } = useBrowserStack({
  workspace: true,
  worker: true,
  env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test' },
});

async function receive(mail: Parameters<typeof simpleMail>[0]) {
  const { mime, messageId } = simpleMail(mail);
  expect((await postInbound(api.url, rawForm(mime), { secret: SECRET })).status).toBe(200);
  return eventually(async () => {
    const [row] = await sql<{ status: string; ticket_id: number; ticket_entry_id: number }>(
      'SELECT status, ticket_id, ticket_entry_id FROM inbound_emails WHERE message_id = ?',
      [messageId],
    );
    return row?.status === 'processed' ? row : null;
  }, 15_000);
}

it('shows agents the route of each emailed entry on the ticket’s timeline', async () => {
  const customer = uniqueEmail('browser-mail');
  const first = await receive({ from: `Bea Browser <${customer}>`, subject: 'Screen flickers', text: 'My screen flickers.' });
  const second = await receive({ from: customer, subject: `Re: [#${first.ticket_id}] Screen flickers`, text: 'Still flickering.' });
  expect(second.ticket_id).toBe(first.ticket_id);

  const agent = await createUser(api.url, 'agent');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/tickets/${first.ticket_id}`);
  const firstNote = page.locator(`[data-entry-id="${first.ticket_entry_id}"] [data-testid="entry-note"]`);
  const secondNote = page.locator(`[data-entry-id="${second.ticket_entry_id}"] [data-testid="entry-note"]`);
  await secondNote.waitFor();
  expect(await firstNote.textContent()).toBe(`Email from ${customer}: new: no reference to an existing ticket`);
  expect(await secondNote.textContent()).toBe(`Email from ${customer}: matched by [#${first.ticket_id}] in the subject`);
});

it('lists a failed inbound email for admins with its reason and queues it again on Retry', async () => {
  const messageId = newMessageId();
  const mime = Buffer.from(`Message-ID: <${messageId}>\r\nSubject: Nobody sent this\r\n\r\nbody\r\n`);
  expect((await postInbound(api.url, rawForm(mime, { envelope: { to: ['support@acme.test'], from: '' } }), { secret: SECRET })).status).toBe(200);
  const [row] = await eventually(async () => {
    const rows = await sql<{ id: number; status: string }>('SELECT id, status FROM inbound_emails WHERE message_id = ?', [messageId]);
    return rows[0]?.status === 'failed' ? rows : null;
  });

  const admin = await createUser(api.url, 'admin');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await page.goto(`${workspace.url}/admin/inbound-email`);
  const line = page.locator(`[data-testid="inbound-row"][data-inbound-id="${row!.id}"]`);
  await line.waitFor();
  expect(await line.locator('[data-testid="inbound-reason"]').textContent()).toContain('no From address');
  await Promise.all([page.waitForLoadState('load'), line.locator('[data-testid="inbound-retry"]').click()]);
  await page.getByText(`Inbound email ${row!.id} is queued again.`).waitFor();
  const retried = await eventually(async () => {
    const [r] = await sql<{ status: string; attempts: number }>('SELECT status, attempts FROM inbound_emails WHERE id = ?', [row!.id]);
    return r && r.status === 'failed' && Number(r.attempts) === 2 ? r : null;
  });
  expect(retried.attempts).toBe(2);

  // Agents do not get the page.
  const agent = await createUser(api.url, 'agent');
  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  const response = await agentPage.goto(`${workspace.url}/admin/inbound-email`);
  expect(response!.status()).toBe(403);
});
