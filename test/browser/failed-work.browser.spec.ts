import { DEFAULT_NOTIFICATION_PREFERENCES } from '@switchboard/contracts';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

/** An admin sees the failed-work badge, opens the page, and retries a job that failed once the cause is gone. */
const API_KEY = 'SG.failed-work-browser';
const { api, workspace, browser, sendgrid } = useBrowserStack({
  workspace: true,
  worker: true,
  sendgrid: { apiKey: API_KEY, failNext: 1_000_000 },
  env: { OUTBOX_ATTEMPTS: '1', OUTBOX_POLL_MS: '100' },
  ownDatabase: 'failedwork_ui',
});

it('lists a failed job with its ticket under Admin, and Retry sends it through again', async () => {
  const admin = await createUser(api.url, 'admin');
  // Only the bell and the page are under test: the alert email would fail at this SendGrid too (a second failed job).
  const prefs = { ...DEFAULT_NOTIFICATION_PREFERENCES, events: { ...DEFAULT_NOTIFICATION_PREFERENCES.events, failed_work: { inApp: true, email: false } } };
  expect((await restClient(api.url).raw('PUT', '/api/v1/inbox/preferences', admin.token, prefs)).status).toBe(200);
  const customer = await createUser(api.url, 'customer');
  const { body: ticket } = await restClient(api.url).post('/tickets', { subject: 'Where is my acknowledgement?', description: 'x' }, customer.token);
  const [row] = await sql<{ id: number }>("SELECT id FROM outbox_events WHERE topic = 'ticket.created' AND JSON_EXTRACT(payload, '$.ticketId') = ?", [ticket.id]);
  const id = Number(row!.id);
  await eventually(async () => (await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [id]))[0]?.status === 'failed', 20_000);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await expect(page.locator('[data-testid="nav-failed-work-count"]').textContent()).resolves.toBe('1');
  // The alert in the bell leads to the page too.
  await page.click('[data-testid="bell"]');
  await expect(page.locator('[data-testid="bell-failed-work"]').textContent()).resolves.toBe('1 background job failed: ticket.created');
  await Promise.all([page.waitForURL(`${workspace.url}/admin/failed-work`), page.click('[data-testid="bell-failed-work"]')]);
  expect(await page.locator('[data-testid="nav-failed-work"]').getAttribute('href')).toBe('/admin/failed-work');

  const listed = page.locator(`[data-testid="failed-work-row"][data-id="${id}"]`);
  await expect(listed.textContent()).resolves.toContain('ticket.created');
  await expect(listed.locator(`a[href="/tickets/${ticket.id}"]`).count()).resolves.toBe(1);
  await expect(listed.locator('[data-testid="failed-work-error"]').textContent()).resolves.toMatch(/\S/);
  await expect(page.locator('[data-testid="failed-work-topic"][data-topic="ticket.created"]').getAttribute('data-count')).resolves.toBe('1');

  sendgrid.failNext(0);
  await Promise.all([page.waitForURL(`${workspace.url}/admin/failed-work`), listed.locator('[data-testid="failed-work-retry"]').click()]);
  await page.waitForSelector(`[data-testid="flash"]:has-text("Background job ${id} (ticket.created) is queued again.")`);
  await eventually(async () => (await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [id]))[0]?.status === 'done', 20_000);
  expect(sendgrid.sent.some((m) => m.body.personalizations[0]!.to[0]!.email === customer.email)).toBe(true);

  await page.goto(`${workspace.url}/admin/failed-work`);
  await page.waitForSelector('[data-testid="failed-work-list"][data-empty="true"]');
  expect(await page.locator('[data-testid="nav-failed-work"]').count()).toBe(0);
}, 90_000);
