import { createApiClient, type ApiClient } from '@switchboard/trpc-client';
import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/**
 * Merge and split from the workspace ticket page, without the API's help: an agent merges a
 * duplicate into the original and splits a second question off into its own ticket; the customer
 * is told in the portal where their request continues.
 */
let customer: { email: string };
let customerApi: ApiClient;
let agentEmail: string;
const run = Date.now().toString(36);

const { api, portal, workspace, browser } = useBrowserStack({ portal: true, workspace: true });

beforeAll(async () => {
  const [c, agent] = await Promise.all([createUser(api.url, 'customer', { name: `Lin Links ${run}` }), createUser(api.url, 'agent', { name: 'Ana Linker' })]);
  customer = c;
  customerApi = createApiClient({ url: api.url, token: c.token });
  agentEmail = agent.email;
});

async function signedIn(baseUrl: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await signIn(page, baseUrl, email);
  return page;
}

const messages = (page: Page) => page.locator('[data-testid="timeline-entry"][data-kind="message"]').allInnerTexts();

it('an agent merges a duplicate into the original and lands on it, with both messages and the merge in its timeline', async () => {
  const original = await customerApi.tickets.create.mutate({ subject: `Cannot log in ${run}`, description: 'The login page says my password is wrong.' });
  const duplicate = await customerApi.tickets.create.mutate({ subject: `Login broken ${run}`, description: 'Still cannot log in this morning.' });
  const stranger = await createUser(api.url, 'customer');
  const theirs = await createApiClient({ url: api.url, token: stranger.token }).tickets.create.mutate({ subject: 'Not yours', description: 'x' });

  const page = await signedIn(workspace.url, agentEmail);
  await page.goto(`${workspace.url}/tickets/${duplicate.id}`);
  const form = page.locator('[data-testid="merge-form"]');
  expect(await form.innerText()).toContain('is closed');

  // Another customer's ticket is refused, next to the field, and nothing moves.
  await form.locator('input[name="targetId"]').fill(String(theirs.id));
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.locator('[data-testid="merge-submit"]').click()]);
  await form.locator('[data-testid="field-error"]').waitFor();
  expect(await form.locator('[data-testid="field-error"]').innerText()).toBe('Only tickets of the same requester can be merged.');
  expect(new URL(page.url()).pathname).toBe(`/tickets/${duplicate.id}`);

  await form.locator('input[name="targetId"]').fill(String(original.id));
  await Promise.all([page.waitForURL((url) => url.pathname === `/tickets/${original.id}`), form.locator('[data-testid="merge-submit"]').click()]);
  expect(await page.locator('[data-testid="flash"]').innerText()).toContain(`#${duplicate.id} was merged into this ticket`);
  const bodies = await messages(page);
  expect(bodies.some((b) => b.includes('The login page says my password is wrong.'))).toBe(true);
  expect(bodies.some((b) => b.includes('Still cannot log in this morning.'))).toBe(true);
  const pill = page.locator('[data-testid="timeline-entry"][data-field="merged_from"]');
  expect(await pill.innerText()).toContain(`Ana Linker merged #${duplicate.id} into this ticket`);
  const incoming = page.locator(`[data-testid="ticket-link"][data-kind="merged"][data-ticket-id="${duplicate.id}"]`);
  expect(await incoming.innerText()).toContain(`#${duplicate.id} was merged into this ticket`);

  // The duplicate is closed and says where it went, with a link there.
  await page.goto(`${workspace.url}/tickets/${duplicate.id}`);
  const outgoing = page.locator(`[data-testid="ticket-link"][data-kind="merged"][data-ticket-id="${original.id}"]`);
  expect(await outgoing.innerText()).toContain(`Merged into #${original.id}`);
  expect(await page.locator('[data-testid="merge-form"]').count()).toBe(0);
  await Promise.all([page.waitForURL((url) => url.pathname === `/tickets/${original.id}`), outgoing.locator('a').click()]);

  // The customer, on the duplicate, is sent on to the original.
  const customerPage = await signedIn(portal.url, customer.email);
  await customerPage.goto(`${portal.url}/tickets/${duplicate.id}`);
  expect(await customerPage.locator('[data-testid="continues-on"]').innerText()).toContain(`This request continues on #${original.id}`);
  expect(await customerPage.locator('[data-field="merged_into"]').innerText()).toContain(`This request continues on #${original.id}`);
  expect(await customerPage.locator('[data-field="merged_into"]').innerText()).not.toContain('Ana');
});

it('an agent splits a second question off into a new ticket and lands on it', async () => {
  const ticket = await customerApi.tickets.create.mutate({ subject: `Two questions ${run}`, description: 'The export button does nothing.' });
  const second = await customerApi.tickets.reply.mutate({ id: ticket.id, body: 'Also, please change my invoice address to 5 Elm Street.' });

  const page = await signedIn(workspace.url, agentEmail);
  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  const form = page.locator('[data-testid="split-form"]');
  // Submitting without choosing a message says what is missing.
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.locator('[data-testid="split-submit"]').click()]);
  await form.locator('[data-testid="field-error"]').waitFor();
  expect(await form.locator('[data-testid="field-error"]').innerText()).toBe('Choose the customer message to split off.');

  await form.locator('select[name="entryId"]').selectOption(String(second.id));
  await form.locator('input[name="subject"]').fill(`Invoice address ${run}`);
  await Promise.all([page.waitForURL((url) => /^\/tickets\/\d+$/.test(url.pathname) && url.pathname !== `/tickets/${ticket.id}`), form.locator('[data-testid="split-submit"]').click()]);
  const freshId = Number(new URL(page.url()).pathname.split('/').pop());
  // The URL changes a moment before the new ticket renders: wait for its heading, not just the URL.
  await page.locator('h1', { hasText: `Invoice address ${run}` }).waitFor();
  expect(await page.locator('h1').innerText()).toContain(`Invoice address ${run}`);
  expect(await page.locator('[data-testid="flash"]').innerText()).toContain(`split off #${ticket.id}`);
  expect((await messages(page)).some((b) => b.includes('5 Elm Street'))).toBe(true);
  expect(await page.locator(`[data-testid="ticket-link"][data-kind="split"]`).innerText()).toContain(`Split from #${ticket.id}`);

  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  expect((await messages(page)).some((b) => b.includes('5 Elm Street'))).toBe(false);
  expect(await page.locator('[data-testid="timeline-entry"][data-field="split_into"]').innerText()).toContain(`Ana Linker split #${freshId} off this ticket`);
  expect(await page.locator(`[data-testid="ticket-link"][data-ticket-id="${freshId}"]`).innerText()).toContain(`Split into #${freshId}`);
});

it('an agent links a related ticket by number and removes the link again', async () => {
  const [a, b] = await Promise.all([
    customerApi.tickets.create.mutate({ subject: `Printer ${run}`, description: 'Printer offline.' }),
    customerApi.tickets.create.mutate({ subject: `Scanner ${run}`, description: 'Scanner offline.' }),
  ]);
  const page = await signedIn(workspace.url, agentEmail);
  await page.goto(`${workspace.url}/tickets/${a.id}`);
  const form = page.locator('[data-testid="link-form"]');
  await form.locator('input[name="otherId"]').fill(String(a.id));
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.locator('button[type="submit"]').click()]);
  await form.locator('[data-testid="field-error"]').waitFor();
  expect(await form.locator('[data-testid="field-error"]').innerText()).toBe('Must be another ticket.');

  await form.locator('input[name="otherId"]').fill(String(b.id));
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.locator('button[type="submit"]').click()]);
  const link = page.locator(`[data-testid="ticket-link"][data-kind="related"][data-ticket-id="${b.id}"]`);
  await link.waitFor();
  expect(await link.innerText()).toContain(`Related to #${b.id}`);

  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), link.locator('[data-testid="unlink"]').click()]);
  await link.waitFor({ state: 'detached' });
  expect((await createApiClient({ url: api.url, token: (await createUser(api.url, 'agent')).token }).tickets.links.query({ id: a.id })).links).toEqual([]);
});
