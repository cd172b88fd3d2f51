import type { Browser } from 'playwright-core';
import { startApi, type RunningApi } from '../support/api.js';
import { launchBrowser, signIn } from '../support/browser.js';
import { sql } from '../support/db.js';
import { useOwnDatabase } from '../support/own-database.js';
import { createUser } from '../support/people.js';
import { startWebApp, type RunningWebApp } from '../support/web-apps.js';

/** An admin switches Twilio on in the workspace (on a database of its own: it turns the channel on for everyone there). */
let db: { drop(): Promise<void> };
let api: RunningApi;
let workspace: RunningWebApp;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;

beforeAll(async () => {
  db = await useOwnDatabase('twilio_admin');
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_AUTH_TOKEN;
  api = await startApi();
  [workspace, chromium] = await Promise.all([startWebApp('workspace', api.url), launchBrowser()]);
  browser = chromium.browser;
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await workspace?.close();
  await api?.close();
  await db?.drop();
});

it('an admin enters the Twilio account; the token is never shown again', async () => {
  const admin = await createUser(api.url, 'admin');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await page.goto(`${workspace.url}/admin/phone`);
  expect(await page.textContent('[data-testid="twilio-status"]')).toContain('Twilio is off');

  await page.fill('#twilio-accountSid', 'AC-not-a-sid');
  await Promise.all([page.waitForSelector('[data-testid="field-error"]'), page.click('[data-testid="phone-settings"] button[type="submit"]')]);
  expect(await page.textContent('[data-testid="field-error"]')).toBe('Account SID must be an account SID (AC followed by 32 hex digits).');

  const sid = `AC${'0123456789abcdef'.repeat(2)}`;
  const token = 'browser-secret-token-42';
  await page.fill('#twilio-accountSid', sid);
  await page.fill('#twilio-authToken', token);
  await page.fill('#twilio-agentPhones', '+49 30 123456, +49 30 654321');
  await Promise.all([page.waitForSelector('[data-testid="flash"]'), page.click('[data-testid="phone-settings"] button[type="submit"]')]);
  expect(await page.textContent('[data-testid="flash"]')).toContain('Phone settings saved.');
  expect(await page.textContent('[data-testid="twilio-status"]')).toContain('Twilio is on');
  expect(await page.inputValue('#twilio-agentPhones')).toBe('+4930123456, +4930654321');
  expect(await page.inputValue('#twilio-authToken')).toBe('');
  expect(await page.content()).not.toContain(token);
  const [row] = await sql<{ account_sid: string }>('SELECT account_sid FROM twilio_settings WHERE id = 1');
  expect(row.account_sid).toBe(sid);
});

it('is for admins only', async () => {
  const agent = await createUser(api.url, 'agent');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  const res = await page.goto(`${workspace.url}/admin/phone`);
  expect(res?.status()).toBe(403);
});
