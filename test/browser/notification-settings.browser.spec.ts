import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api, workspace, browser } = useBrowserStack({ workspace: true, worker: true });

it('an agent turns off mention emails on the settings page, and the next mention sends them no email', async () => {
  const mia = await createUser(api.url, 'agent', { name: 'Mia Muted' });
  const author = await createUser(api.url, 'agent', { name: 'Ari Author' });
  const customer = await createUser(api.url, 'customer');

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, mia.email);
  await page.goto(`${workspace.url}/account`);
  await page.click('[data-testid="notification-settings-link"]');
  await page.waitForURL(/\/notification-settings$/);

  // A bad time zone is refused, naming the field.
  await page.check('[data-testid="quiet-enabled"]');
  await page.fill('#quiet-zone', 'Mars/Olympus');
  await page.click('[data-testid="save-notification-settings"]');
  await page.locator('#quiet-zone-error').waitFor();
  expect(await page.locator('#quiet-zone-error').innerText()).toMatch(/time zone/i);

  await page.goto(`${workspace.url}/notification-settings`);
  await page.uncheck('input[aria-label="Someone @mentions me: email"]');
  await page.click('[data-testid="save-notification-settings"]');
  await page.getByText('Notification settings saved.').waitFor();
  expect(await page.isChecked('input[aria-label="Someone @mentions me: email"]')).toBe(false);
  expect(await page.isChecked('input[aria-label="Someone @mentions me: in-app"]')).toBe(true);

  const rest = restClient(api.url);
  const { body: ticket } = await rest.post('/tickets', { subject: 'Muted mention', description: 'x' }, customer.token);
  const { status } = await rest.post(`/tickets/${ticket.id}/replies`, { body: `@${mia.email.split('@')[0]} have a look`, internal: true }, author.token);
  expect(status).toBe(200);
  const [message] = await eventually(async () => {
    const rows = await sql<{ status: string; error: string }>('SELECT status, error FROM outbound_messages WHERE recipient = ?', [mia.email]);
    return rows.length ? rows : null;
  });
  expect(message).toMatchObject({ status: 'suppressed', error: expect.stringContaining('turned off email') });
  // The bell still gets it.
  expect(await sql("SELECT 1 FROM user_notifications WHERE user_id = ? AND kind = 'mention'", [mia.id])).toHaveLength(1);
  await page.context().close();
});

it('only admins see failed background work on the page; an admin turns its email off, and an agent’s save without it still works', async () => {
  const agent = await createUser(api.url, 'agent');
  const admin = await createUser(api.url, 'admin');
  const failedWorkEmail = 'input[aria-label="A background job gives up (failed background work): email"]';

  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/notification-settings`);
  expect(await agentPage.locator('[data-testid^="event-"]').count()).toBe(6);
  expect(await agentPage.locator('[data-testid="event-failed_work"]').count()).toBe(0);
  await agentPage.uncheck('input[aria-label="A ticket is assigned to me: email"]');
  await agentPage.click('[data-testid="save-notification-settings"]');
  await agentPage.getByText('Notification settings saved.').waitFor();
  expect(await agentPage.isChecked('input[aria-label="A ticket is assigned to me: email"]')).toBe(false);
  await agentPage.context().close();

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await page.goto(`${workspace.url}/notification-settings`);
  expect(await page.locator('[data-testid^="event-"]').count()).toBe(7);
  expect(await page.isChecked(failedWorkEmail)).toBe(true);
  await page.uncheck(failedWorkEmail);
  await page.click('[data-testid="save-notification-settings"]');
  await page.getByText('Notification settings saved.').waitFor();
  expect(await page.isChecked(failedWorkEmail)).toBe(false);
  const saved = await restClient(api.url).get('/inbox/preferences', admin.token);
  expect(saved.body.events.failed_work).toEqual({ inApp: true, email: false });
  await page.context().close();
});
