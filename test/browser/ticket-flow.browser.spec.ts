import { signIn } from '../support/browser.js';
import { uniqueEmail } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/**
 * The whole loop in a real browser: a customer opens a ticket in the portal, an agent finds it
 * in the workspace, writes an internal note and a public reply, and the customer sees the reply
 * but never the note.
 */

const { api, portal, workspace, browser } = useBrowserStack({ portal: true, workspace: true });

it('customer opens a ticket, agent replies with a note and a reply, customer sees only the reply', async () => {
  const subject = `Invoice PDF is blank ${Date.now()}`;
  const customerEmail = uniqueEmail('browser');
  const agent = await createUser(api.url, 'agent', { name: 'Ana Browser' });

  // Customer: register, open a ticket.
  const customerPage = await (await browser.newContext()).newPage();
  await customerPage.goto(`${portal.url}/register`);
  await customerPage.fill('input[name="name"]', 'Casey Customer');
  await customerPage.fill('input[name="email"]', customerEmail);
  await customerPage.fill('input[name="password"]', 'a-long-password');
  await Promise.all([customerPage.waitForURL(/\/tickets/), customerPage.click('button[type="submit"]')]);

  await customerPage.goto(`${portal.url}/tickets/new`);
  await customerPage.fill('input[name="subject"]', subject);
  await customerPage.fill('textarea[name="description"]', 'Every invoice I download is an empty page.');
  await customerPage.selectOption('select[name="urgency"]', 'high');
  await Promise.all([customerPage.waitForURL(/\/tickets\/\d+/), customerPage.click('[data-testid="new-ticket-form"] button[type="submit"]')]);
  const ticketId = Number(new URL(customerPage.url()).pathname.split('/').pop());
  expect(ticketId).toBeGreaterThan(1000);

  await customerPage.goto(`${portal.url}/tickets`);
  await expect(customerPage.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`).innerText()).resolves.toContain(subject);

  // Agent: sign in, find it in the queue, add a note and a reply.
  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets?status=open`);
  const row = agentPage.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
  await expect(row.innerText()).resolves.toContain(subject);
  await Promise.all([agentPage.waitForURL(new RegExp(`/tickets/${ticketId}`)), row.locator('a').first().click()]);

  const composer = agentPage.locator('[data-testid="composer"]');
  await composer.locator('input[name="internal"][value="true"]').check();
  await composer.locator('textarea[name="body"]').fill('Internal: the PDF renderer lost its fonts.');
  await Promise.all([agentPage.waitForLoadState('networkidle'), composer.locator('[data-testid="composer-submit"]').click()]);
  await agentPage.locator('[data-testid="timeline-entry"][data-visibility="internal"]').first().waitFor();

  await composer.locator('input[name="internal"][value="false"]').check();
  await composer.locator('textarea[name="body"]').fill('We found the cause and fixed it; please download again.');
  await Promise.all([agentPage.waitForLoadState('networkidle'), composer.locator('[data-testid="composer-submit"]').click()]);
  await agentPage.locator('[data-testid="timeline-entry"][data-kind="reply"]').first().waitFor();

  const agentTimeline = await agentPage.locator('[data-testid="timeline"]').innerText();
  expect(agentTimeline).toContain('the PDF renderer lost its fonts');
  expect(agentTimeline).toContain('please download again');

  // Customer: sees the reply, never the note.
  await customerPage.goto(`${portal.url}/tickets/${ticketId}`);
  const customerTimeline = await customerPage.locator('[data-testid="timeline"]').innerText();
  expect(customerTimeline).toContain('please download again');
  expect(customerTimeline).not.toContain('PDF renderer');
  expect(await customerPage.locator('[data-testid="timeline-entry"][data-visibility="internal"]').count()).toBe(0);
  expect(await customerPage.content()).not.toContain('PDF renderer');

  // And the customer can answer.
  await customerPage.fill('[data-testid="reply-form"] textarea[name="body"]', 'Works now, thank you!');
  await Promise.all([customerPage.waitForLoadState('networkidle'), customerPage.click('[data-testid="reply-form"] button[type="submit"]')]);
  // networkidle can resolve before the submission's navigation starts (seen under a loaded full run): wait for the entry.
  await customerPage.locator('[data-testid="timeline-entry"]', { hasText: 'Works now, thank you!' }).waitFor();
  await expect(customerPage.locator('[data-testid="timeline"]').innerText()).resolves.toContain('Works now, thank you!');
});
