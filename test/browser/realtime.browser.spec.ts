import { createApiClient } from '@switchboard/trpc-client';
import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/**
 * Live updates in real browsers, through each app's /live proxy route: nobody presses reload.
 * A marker set on `window` before the change must survive it, which proves no page load happened.
 */
const { api, portal, workspace, browser } = useBrowserStack({ portal: true, workspace: true });

async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}
async function stillSamePage(page: Page) {
  return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}

it('shows the customer an agent typing, then the reply, on the open portal ticket without reload', async () => {
  const customer = await createUser(api.url, 'customer', { name: 'Casey Live' });
  const agent = await createUser(api.url, 'agent', { name: 'Ana Live' });
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Live portal', description: 'Is anyone there?' });

  const customerPage = await (await browser.newContext()).newPage();
  await signIn(customerPage, portal.url, customer.email);
  await customerPage.goto(`${portal.url}/tickets/${ticket.id}`);
  await markPage(customerPage);

  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${ticket.id}`);
  // An internal note in progress is never shown to the customer as typing.
  await agentPage.check('input[name="internal"][value="true"]');
  await agentPage.fill('#composer-body', 'Checking the logs');
  await agentPage.waitForTimeout(1500);
  expect(await customerPage.locator('[data-testid="typing"]').count()).toBe(0);

  await agentPage.check('input[name="internal"][value="false"]');
  await agentPage.fill('#composer-body', 'Yes! We are looking into it right now.');
  await customerPage.locator('[data-testid="typing"]').waitFor({ timeout: 15_000 });
  expect(await customerPage.locator('[data-testid="typing"]').innerText()).toContain('Support is writing a reply');
  // Staff stay "Support" in the portal: the agent's name is not shown.
  expect(await customerPage.locator('[data-testid="typing"]').innerText()).not.toContain('Ana');

  await agentPage.click('[data-testid="composer-submit"]');
  await customerPage.getByText('Yes! We are looking into it right now.').waitFor({ timeout: 15_000 });
  expect(await stillSamePage(customerPage)).toBe(true);
  await customerPage.context().close();
  await agentPage.context().close();
});

it('warns agent B that agent A is viewing and replying, rings B’s bell on a mention, and updates B’s queue live', async () => {
  const customer = await createUser(api.url, 'customer');
  const ana = await createUser(api.url, 'agent', { name: 'Ana Viewer' });
  const bo = await createUser(api.url, 'agent', { name: 'Bo Second' });
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Two agents', description: 'help' });

  const boPage = await (await browser.newContext()).newPage();
  await signIn(boPage, workspace.url, bo.email);
  await boPage.goto(`${workspace.url}/tickets/${ticket.id}`);
  await markPage(boPage);

  const anaPage = await (await browser.newContext()).newPage();
  await signIn(anaPage, workspace.url, ana.email);
  await anaPage.goto(`${workspace.url}/tickets/${ticket.id}`);

  const presence = boPage.locator('[data-testid="presence"]');
  await presence.getByText('Ana Viewer').waitFor({ timeout: 15_000 });
  expect(await presence.innerText()).toContain('Ana Viewer is viewing');
  await anaPage.fill('#composer-body', 'I will take this one');
  await boPage.locator('[data-testid="presence-entry"][data-state="replying"]').waitFor({ timeout: 15_000 });
  expect(await presence.innerText()).toContain('Ana Viewer is replying');

  // A note that mentions Bo rings his bell, and appears in his open timeline.
  await anaPage.check('input[name="internal"][value="true"]');
  await anaPage.fill('#composer-body', `@${bo.email.split('@')[0]} can you double-check the invoice?`);
  await anaPage.click('[data-testid="composer-submit"]');
  await boPage.locator('[data-testid="bell-count"]').getByText('1').waitFor({ timeout: 15_000 });
  await boPage.getByText('can you double-check the invoice?').first().waitFor({ timeout: 15_000 });
  await boPage.click('[data-testid="bell"]');
  const item = boPage.locator('[data-testid="bell-item"]').first();
  await item.waitFor();
  expect(await item.innerText()).toContain(`Ana Viewer mentioned you on #${ticket.id}`);
  await boPage.click('[data-testid="bell-mark-all"]');
  await boPage.locator('[data-testid="bell-count"]').waitFor({ state: 'detached', timeout: 15_000 });
  expect(await stillSamePage(boPage)).toBe(true);

  // Leaving the ticket clears Ana from Bo's view.
  await anaPage.goto(`${workspace.url}/tickets`);
  await presence.waitFor({ state: 'detached', timeout: 15_000 });

  // The queue shows a new ticket without reload.
  await boPage.goto(`${workspace.url}/tickets`);
  await markPage(boPage);
  const fresh = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Arrives live', description: 'new' });
  await boPage.locator(`[data-testid="ticket-row"][data-ticket-id="${fresh.id}"]`).waitFor({ timeout: 15_000 });
  expect(await stillSamePage(boPage)).toBe(true);
  await boPage.context().close();
  await anaPage.context().close();
});

it('shows the agent, live, that the customer has seen the reply once they open it in the portal', async () => {
  const customer = await createUser(api.url, 'customer', { name: 'Sam Seen' });
  const agent = await createUser(api.url, 'agent', { name: 'Ana Receipt' });
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Receipt', description: 'Did you get this?' });
  await createApiClient({ url: api.url, token: agent.token }).tickets.reply.mutate({ id: ticket.id, body: 'We did, here is the fix.' });

  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${ticket.id}`);
  await markPage(agentPage);
  const receipt = agentPage.locator('[data-testid="read-receipt"]');
  expect(await receipt.innerText()).toContain('Not seen by the customer yet');

  const customerPage = await (await browser.newContext()).newPage();
  await signIn(customerPage, portal.url, customer.email);
  await customerPage.goto(`${portal.url}/tickets/${ticket.id}`);
  await customerPage.getByText('We did, here is the fix.').waitFor();

  await receipt.getByText('Seen by Sam Seen').waitFor({ timeout: 15_000 });
  expect(await stillSamePage(agentPage)).toBe(true);
  await customerPage.context().close();
  await agentPage.context().close();
});
