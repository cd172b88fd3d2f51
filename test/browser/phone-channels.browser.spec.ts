import { createApiClient } from '@switchboard/trpc-client';
import { signIn } from '../support/browser.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/**
 * The phone channels in the apps (Twilio switched off, as on a developer machine): the SMS
 * counter and delivery state in the workspace, Call back on a phone ticket, and the portal's
 * Request a callback.
 */
const { api, portal, workspace, browser } = useBrowserStack({
  portal: true,
  workspace: true,
  worker: true,
  before: () => {
    delete process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_AUTH_TOKEN;
  },
});

/** A customer's ticket moved onto a phone channel, with the customer's number on file. */
async function ticketOn(channel: 'sms' | 'phone') {
  const customer = await createUser(api.url, 'customer');
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: `Texted us (${channel})`, description: 'hello' });
  const e164 = `+4917${String(Date.now() % 1e8).padStart(8, '0')}`;
  await sql('UPDATE tickets SET channel = ? WHERE id = ?', [channel, ticket.id]);
  await sql('INSERT INTO customer_phones (user_id, e164) VALUES (?, ?)', [customer.id, e164]);
  return { ticket, e164 };
}

it('counts characters and SMS segments while the agent types, and shows how the reply fared', async () => {
  const { ticket } = await ticketOn('sms');
  const agent = await createUser(api.url, 'agent');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  const counter = page.locator('[data-testid="sms-counter"]');

  await page.fill('#composer-body', 'Hello there');
  await expect_(counter, '11 characters · 1 SMS segment (GSM-7) · 149 left in this segment');
  await page.fill('#composer-body', 'Dziękuję');
  await expect_(counter, '8 characters · 1 SMS segment (UCS-2 because of “ę”) · 62 left in this segment');
  await page.fill('#composer-body', 'x'.repeat(161));
  expect(await counter.getAttribute('data-segments')).toBe('2');

  await page.fill('#composer-body', 'Your parcel ships today.');
  await Promise.all([page.waitForSelector('[data-testid="flash"]'), page.click('[data-testid="composer-submit"]')]);
  // No Twilio credentials: the reply stays in the local outbox, and the timeline says so.
  await eventually(async () => (await sql("SELECT 1 FROM outbound_messages WHERE ticket_id = ? AND status = 'local' AND channel = 'sms'", [ticket.id])).length > 0);
  await page.reload();
  const badge = page.locator('[data-testid="delivery-state"]');
  expect(await badge.getAttribute('data-status')).toBe('local');
  expect(await badge.textContent()).toBe('Kept in the local outbox');
});

it('offers Call back on a phone ticket and names a wrong number', async () => {
  const { ticket, e164 } = await ticketOn('phone');
  const agent = await createUser(api.url, 'agent');
  // The phone in the agent's profile is filled in.
  await sql('UPDATE users SET phone = ? WHERE id = ?', ['+4930777888', agent.id]);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  const form = page.locator('[data-testid="call-back-form"]');
  expect(await form.locator('input[name="agentPhone"]').inputValue()).toBe('+4930777888');
  await form.locator('input[name="agentPhone"]').fill('030 123');
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type="submit"]').click()]);
  await page.waitForSelector('text=Your phone must be a phone number with its country code');

  await page.locator('[data-testid="call-back-form"] input[name="agentPhone"]').fill('+49 30 123456');
  await Promise.all([page.waitForSelector('[data-testid="flash"]'), page.locator('[data-testid="call-back-form"] button[type="submit"]').click()]);
  expect(await page.textContent('[data-testid="flash"]')).toContain(`Calling +4930123456 now: answer, and we connect ${e164}.`);
  const [row] = await eventually(async () => {
    const rows = await sql<{ recipient: string; status: string }>("SELECT recipient, status FROM outbound_messages WHERE ticket_id = ? AND channel = 'phone'", [ticket.id]);
    return rows.length ? rows : null;
  });
  expect(row).toEqual({ recipient: '+4930123456', status: 'local' });
});

it('a customer requests a callback in the portal and lands on the new urgent phone ticket', async () => {
  const customer = await createUser(api.url, 'customer');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, portal.url, customer.email);
  await Promise.all([page.waitForURL(/\/callback$/), page.click('text=Request a callback')]);
  await page.fill('input[name="phone"]', '0151 5550');
  await Promise.all([page.waitForSelector('.field--invalid'), page.click('[data-testid="callback-form"] button[type="submit"]')]);
  expect(await page.textContent('.field--invalid')).toContain('country code');

  await page.fill('input[name="phone"]', '+49 151 5550 1234');
  await page.fill('input[name="window"]', 'weekdays after 5 pm');
  await Promise.all([page.waitForURL(/\/tickets\/\d+$/), page.click('[data-testid="callback-form"] button[type="submit"]')]);
  expect(await page.textContent('[data-testid="flash"]')).toContain('We will call you back at +49 151 5550 1234');
  expect(await page.textContent('h1')).toContain('Callback requested by +4915155501234');
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const [ticket] = await sql<{ channel: string; urgency: string; requester_id: number }>('SELECT channel, urgency, requester_id FROM tickets WHERE id = ?', [id]);
  expect(ticket).toEqual({ channel: 'phone', urgency: 'high', requester_id: customer.id });
});

it('shows a phone call as its own card, with its voicemail, to the agent and to the customer who called', async () => {
  const customer = await createUser(api.url, 'customer');
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Heating broken', description: 'see the call' });
  const e164 = `+4917${String(Date.now() % 1e8).padStart(8, '0')}`;
  await sql('UPDATE tickets SET channel = ? WHERE id = ?', ['phone', ticket.id]);
  // What the worker writes for a finished inbound call (twilio-voice.e2e covers the webhooks that lead here).
  await sql(
    `INSERT INTO ticket_entries (ticket_id, kind, visibility, author_id, channel, body, source_key) VALUES (?, 'call', 'public', ?, 'phone', ?, ?)`,
    [ticket.id, customer.id, `📞 Inbound call from ${e164} to +15005550006 · answered, 1 min 5 s`, `twilio:call:CA${ticket.id}`],
  );
  const [entry] = await sql<{ id: number }>("SELECT id FROM ticket_entries WHERE ticket_id = ? AND kind = 'call'", [ticket.id]);
  await sql(
    `INSERT INTO ticket_entry_calls (entry_id, call_sid, direction, from_number, to_number, status, duration_seconds, transcription)
     VALUES (?, ?, 'inbound', ?, '+15005550006', 'completed', 65, 'My heating is broken again.')`,
    [entry.id, `CA${ticket.id}`, e164],
  );

  const agent = await createUser(api.url, 'agent');
  const staffPage = await (await browser.newContext()).newPage();
  await signIn(staffPage, workspace.url, agent.email);
  await staffPage.goto(`${workspace.url}/tickets/${ticket.id}`);
  const card = staffPage.locator(`[data-testid="timeline-entry"][data-entry-id="${entry.id}"]`);
  expect(await card.getAttribute('data-kind')).toBe('call');
  expect(await card.locator('[data-testid="call-title"]').textContent()).toBe('Inbound call');
  expect(await card.locator('[data-testid="call-status"]').textContent()).toBe('Answered, 1 min 5 s');
  expect(await card.locator('[data-testid="call-numbers"]').textContent()).toBe(`${e164} → +15005550006`);
  expect(await card.locator('[data-testid="call-transcript"]').textContent()).toBe('My heating is broken again.');

  const customerPage = await (await browser.newContext()).newPage();
  await signIn(customerPage, portal.url, customer.email);
  await customerPage.goto(`${portal.url}/tickets/${ticket.id}`);
  const theirs = customerPage.locator(`[data-testid="timeline-entry"][data-entry-id="${entry.id}"]`);
  expect(await theirs.locator('[data-testid="call-title"]').textContent()).toBe('You called us');
  expect(await theirs.locator('[data-testid="call-transcript"]').textContent()).toBe('My heating is broken again.');
});

async function expect_(locator: import('playwright-core').Locator, text: string) {
  await eventually(async () => (await locator.textContent()) === text, 5_000).catch(async () => {
    throw new Error(`expected "${text}", saw "${await locator.textContent()}"`);
  });
}
