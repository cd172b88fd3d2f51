import { createApiClient, type ApiClient } from '@switchboard/trpc-client';
import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/**
 * An admin gives an issue type its own workflow in the workspace editor, and the API enforces it when
 * an agent changes a ticket of that type.
 */
let admin: ApiClient;
let adminEmail: string;
const run = Date.now().toString(36);

const { api, workspace, browser } = useBrowserStack({ workspace: true });

beforeAll(async () => {
  const adminUser = await createUser(api.url, 'admin');
  adminEmail = adminUser.email;
  admin = createApiClient({ url: api.url, token: adminUser.token });
});

async function newPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

const cell = (from: string, to: string) => `[data-testid="workflow-grid"] input[name="wf.${from}"][value="${to}"]`;
const save = (page: Page) =>
  Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('[data-testid="issue-type-form"] button[value="save"]:not([aria-hidden])')]);

it('an admin gives a new type a workflow without open -> resolved; an agent cannot resolve an open ticket of it', async () => {
  const typeName = `Hardware ${run}`;
  const page = await newPage();
  await signIn(page, workspace.url, adminEmail);
  await page.goto(`${workspace.url}/admin/issue-types/new`);
  await page.fill('input[name="name"]', typeName);
  // The grid shows only for a custom workflow, prefilled with the default one.
  expect(await page.locator('[data-testid="workflow-grid"]').isVisible()).toBe(false);
  await page.check('input[name="workflow"][value="custom"]');
  await page.locator('[data-testid="workflow-grid"]').waitFor();
  expect(await page.isChecked(cell('open', 'resolved'))).toBe(true);
  expect(await page.isChecked(cell('resolved', 'open'))).toBe(true);
  expect(await page.isDisabled(cell('open', 'open'))).toBe(true);
  expect(await page.isDisabled(cell('closed', 'open'))).toBe(true);

  // Open with no way forward at all: neither resolved nor closed can be reached, so it is not saved.
  for (const to of ['in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed']) await page.uncheck(cell('open', to));
  await save(page);
  const error = page.locator('#transitions-error');
  await error.waitFor();
  expect(await error.innerText()).toMatch(/reachable from Open/);
  expect(new URL(page.url()).pathname).toBe('/admin/issue-types/new');
  expect((await admin.catalog.get.query()).issueTypes.some((t) => t.name === typeName)).toBe(false);
  // What was ticked is kept: still custom, open's row still empty.
  expect(await page.isChecked('input[name="workflow"][value="custom"]')).toBe(true);
  expect(await page.isChecked(cell('open', 'resolved'))).toBe(false);

  // Open -> in progress -> resolved is enough.
  await page.check(cell('open', 'in_progress'));
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin/issue-types'), save(page)]);
  const type = (await admin.catalog.get.query()).issueTypes.find((t) => t.name === typeName)!;
  expect(type.transitions?.open).toEqual(['in_progress']);
  expect(type.transitions?.in_progress).toContain('resolved');
  const row = page.locator('[data-testid="issue-type-row"]', { hasText: typeName });
  expect(await row.locator('[data-testid="issue-type-workflow"]').innerText()).toBe('Custom: 19 transitions');

  // The editor shows the saved workflow back.
  await page.goto(`${workspace.url}/admin/issue-types/${type.id}`);
  expect(await page.isChecked('input[name="workflow"][value="custom"]')).toBe(true);
  expect(await page.isChecked(cell('open', 'resolved'))).toBe(false);
  expect(await page.isChecked(cell('open', 'in_progress'))).toBe(true);

  const customer = await createUser(api.url, 'customer', { name: `Hal Hardware ${run}` });
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({
    subject: `Printer on fire ${run}`,
    description: 'Smoke everywhere.',
    urgency: 'high',
    importance: 'medium',
    issueTypeId: type.id,
  });
  const agent = await createUser(api.url, 'agent', { name: 'Wren Workflow' });
  const agentPage = await newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${ticket.id}`);
  await agentPage.selectOption('[data-testid="status-form"] select[name="status"]', 'resolved');
  await Promise.all([
    agentPage.waitForResponse((r) => r.request().method() === 'POST'),
    agentPage.click('[data-testid="status-form"] button[type="submit"]'),
  ]);
  const refusal = agentPage.locator('[data-testid="status-form"] [data-testid="error"]');
  await refusal.waitFor();
  // The API's "status: cannot change from open to resolved", as the ticket page words it (status labels).
  expect(await refusal.innerText()).toMatch(/cannot change from open to resolved/i);
  const staff = createApiClient({ url: api.url, token: agent.token });
  expect((await staff.tickets.get.query({ id: ticket.id })).status).toBe('open');
});

it('a workflow with a status that has no way forward is saved, with a warning', async () => {
  const typeName = `Archive ${run}`;
  const page = await newPage();
  await signIn(page, workspace.url, adminEmail);
  await page.goto(`${workspace.url}/admin/issue-types/new`);
  await page.fill('input[name="name"]', typeName);
  await page.check('input[name="workflow"][value="custom"]');
  for (const to of ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed']) await page.uncheck(cell('on_hold', to));
  const warning = page.locator('[data-testid="workflow-warning"]');
  await warning.waitFor();
  expect(await warning.innerText()).toContain('On hold');
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin/issue-types'), save(page)]);
  expect(await page.locator('[data-testid="flash"]').innerText()).toContain('no way forward');
  const type = (await admin.catalog.get.query()).issueTypes.find((t) => t.name === typeName)!;
  expect(type.transitions?.on_hold).toEqual([]);
});

it('without JavaScript: the radios and checkboxes alone save a custom workflow', async () => {
  const typeName = `No script ${run}`;
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, workspace.url, adminEmail);
  await page.goto(`${workspace.url}/admin/issue-types/new`);
  await page.fill('input[name="name"]', typeName);
  await page.check('input[name="workflow"][value="custom"]');
  await page.uncheck(cell('open', 'resolved'));
  await page.uncheck(cell('resolved', 'open'));
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin/issue-types'), save(page)]);
  const type = (await admin.catalog.get.query()).issueTypes.find((t) => t.name === typeName)!;
  expect(type.transitions?.open).toEqual(['in_progress', 'waiting_on_customer', 'on_hold', 'closed']);
  expect(type.transitions?.resolved).toEqual(['in_progress', 'closed']);
  expect(type.transitions?.closed).toBeUndefined();
});
