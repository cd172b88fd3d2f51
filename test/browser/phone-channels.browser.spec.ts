import { createApiClient } from '@switchboard/trpc-client';
import type { Browser } from 'playwright-core';
import { startApi, startWorker, type RunningApi } from '../support/api.js';
import { launchBrowser, signIn } from '../support/browser.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { startWebApp, type RunningWebApp } from '../support/web-apps.js';

/**
 * The phone channels in the apps (Twilio switched off, as on a developer machine): the SMS
 * counter and delivery state in the workspace, Call back on a phone ticket, and the portal's
 * Request a callback.
 */
let api: RunningApi;
let worker: { close(): Promise<void> };
let workspace: RunningWebApp;
let portal: RunningWebApp;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;

beforeAll(async () => {
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  api = await startApi();
  worker = await startWorker();
  [workspace, portal, chromium] = await Promise.all([startWebApp('workspace', api.url), startWebApp('portal', api.url), launchBrowser()]);
  browser = chromium.browser;
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await portal?.close();
  await workspace?.close();
  await worker?.close();
  await api?.close();
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
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  const form = page.locator('[data-testid="call-back-form"]');
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

async function expect_(locator: import('playwright-core').Locator, text: string) {
  await eventually(async () => (await locator.textContent()) === text, 5_000).catch(async () => {
    throw new Error(`expected "${text}", saw "${await locator.textContent()}"`);
  });
}
