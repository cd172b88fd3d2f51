import { createApiClient, type ApiClient } from '@switchboard/trpc-client';
import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/**
 * The full ticket lifecycle in a real browser: a customer files a typed ticket with custom fields in
 * the portal, agents change tickets in bulk from the queue and move one on the board by drag and drop.
 */
let admin: ApiClient;
let typeName: string;
const run = Date.now().toString(36);

const { api, portal, workspace, browser } = useBrowserStack({ portal: true, workspace: true });

beforeAll(async () => {
  const adminUser = await createUser(api.url, 'admin');
  admin = createApiClient({ url: api.url, token: adminUser.token });
  typeName = `Website Bug ${run}`;
  await admin.catalog.saveIssueType.mutate({
    name: typeName,
    description: 'Something on the website does not work as it should.',
    fields: [
      { key: 'page_url', label: 'Page address', kind: 'text', required: true },
      { key: 'browser', label: 'Browser', kind: 'single_select', required: true, options: ['Chrome', 'Firefox', 'Safari'] },
      { key: 'steps', label: 'Steps to reproduce', kind: 'long_text' },
      { key: 'eng_note', label: 'Engineering note', kind: 'text', customerVisible: false },
    ],
  });
});

async function newPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** A customer with two fresh tickets, so a test can narrow the queue to exactly them (requesterId). */
async function customerWithTickets(count: number) {
  const customer = await createUser(api.url, 'customer', { name: `Cleo ${run}` });
  const client = createApiClient({ url: api.url, token: customer.token });
  const tickets = [];
  for (let i = 1; i <= count; i++) {
    tickets.push(await client.tickets.create.mutate({ subject: `Lifecycle ${run} #${i}`, description: 'Something is off.', urgency: 'high', importance: 'medium' }));
  }
  return { customer, tickets };
}

it('portal: a customer files a Website Bug with its fields, is told what is missing, and the agent sees the values', async () => {
  const customer = await createUser(api.url, 'customer', { name: 'Wes Website' });
  const page = await newPage();
  await signIn(page, portal.url, customer.email);
  await page.goto(`${portal.url}/tickets/new`);
  // With JavaScript the type's fields appear as soon as the type is chosen (the no-JS button goes away).
  await page.locator('[data-testid="choose-type"]').waitFor({ state: 'detached' });
  await page.selectOption('select[name="issueTypeId"]', { label: typeName });
  await page.locator('[data-testid="custom-fields"]').waitFor();
  expect(await page.locator('[name="cf.eng_note"]').count()).toBe(0);

  const subject = `Cart page crashes ${run}`;
  await page.fill('input[name="subject"]', subject);
  await page.fill('textarea[name="description"]', 'The cart page shows a blank screen.');
  await page.selectOption('select[name="cf.browser"]', 'Firefox');
  await page.fill('textarea[name="cf.steps"]', 'Add anything to the cart, open the cart.');
  // The required page address is missing.
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('[data-testid="new-ticket-form"] button[type="submit"]:not([name])')]);
  const error = page.locator('[data-testid="error-cf-page_url"]');
  await error.waitFor();
  expect(await error.innerText()).toMatch(/Page address/);
  expect(new URL(page.url()).pathname).toBe('/tickets/new');
  expect(await page.inputValue('textarea[name="cf.steps"]')).toBe('Add anything to the cart, open the cart.');
  expect(await page.inputValue('select[name="cf.browser"]')).toBe('Firefox');
  expect(await page.inputValue('input[name="subject"]')).toBe(subject);

  await page.fill('input[name="cf.page_url"]', 'https://shop.acme.test/cart');
  await Promise.all([page.waitForURL(/\/tickets\/\d+/), page.click('[data-testid="new-ticket-form"] button[type="submit"]:not([name])')]);
  const ticketId = Number(new URL(page.url()).pathname.split('/').pop());
  expect(await page.locator('[data-testid="ticket-issue-type"]').innerText()).toBe(typeName);
  expect(await page.locator('[data-testid="ticket-field-page_url"]').innerText()).toContain('https://shop.acme.test/cart');
  expect(await page.locator('[data-testid="ticket-field-browser"]').innerText()).toContain('Firefox');

  const agent = await createUser(api.url, 'agent', { name: 'Ava Fields' });
  const agentPage = await newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${ticketId}`);
  const fields = agentPage.locator('[data-testid="custom-fields"]');
  expect(await fields.locator('[name="cf.page_url"]').inputValue()).toBe('https://shop.acme.test/cart');
  expect(await fields.locator('[name="cf.browser"]').inputValue()).toBe('Firefox');
  expect(await fields.locator('[name="cf.steps"]').inputValue()).toBe('Add anything to the cart, open the cart.');
});

it('workspace: bulk-assigns two tickets to an agent from the queue and shows the summary', async () => {
  const { customer, tickets } = await customerWithTickets(2);
  const [agent, assignee] = await Promise.all([
    createUser(api.url, 'agent', { name: 'Bo Bulk' }),
    createUser(api.url, 'agent', { name: `Ida Assignee ${run}` }),
  ]);
  const page = await newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/tickets?requesterId=${customer.id}`);
  expect(await page.locator('[data-testid="ticket-row"]').count()).toBe(2);
  for (const t of tickets) await page.check(`[data-testid="ticket-row"][data-ticket-id="${t.id}"] input[name="ids"]`);
  await page.selectOption('[data-testid="bulk-bar"] select[name="assigneeId"]', String(assignee.id));
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('[data-testid="bulk-apply"]')]);
  const summary = page.locator('[data-testid="bulk-summary"]');
  await summary.waitFor();
  expect(await summary.innerText()).toContain('2 updated');
  expect(await summary.innerText()).not.toContain('failed');

  const staff = createApiClient({ url: api.url, token: agent.token });
  for (const t of tickets) expect((await staff.tickets.get.query({ id: t.id })).assignee?.id).toBe(assignee.id);
  await page.goto(`${workspace.url}/tickets?requesterId=${customer.id}&assignee=${assignee.id}`);
  expect(await page.locator('[data-testid="ticket-row"]').count()).toBe(2);
});

it('board: dragging a card from Open to In progress changes the status', async () => {
  const { customer, tickets } = await customerWithTickets(1);
  const ticket = tickets[0]!;
  const agent = await createUser(api.url, 'agent', { name: 'Dee Drag' });
  const page = await newPage();
  await signIn(page, workspace.url, agent.email);
  const boardUrl = `${workspace.url}/board?requesterId=${customer.id}`;
  await page.goto(boardUrl);
  await page.waitForLoadState('networkidle');
  const card = page.locator(`[data-testid="board-card"][data-ticket-id="${ticket.id}"]`);
  expect(await page.locator(`[data-testid="board-column"][data-status="open"] [data-ticket-id="${ticket.id}"]`).count()).toBe(1);

  const target = page.locator('[data-testid="board-column"][data-status="in_progress"]');
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), card.dragTo(target)]);
  await page.locator('[data-testid="flash"]').waitFor();

  await page.goto(boardUrl);
  expect(await target.locator(`[data-testid="board-card"][data-ticket-id="${ticket.id}"]`).count()).toBe(1);
  expect(await page.locator(`[data-testid="board-column"][data-status="open"] [data-ticket-id="${ticket.id}"]`).count()).toBe(0);
  const staff = createApiClient({ url: api.url, token: agent.token });
  expect((await staff.tickets.get.query({ id: ticket.id })).status).toBe('in_progress');
});
