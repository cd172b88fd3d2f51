import { createApiClient } from '@switchboard/trpc-client';
import type { Browser, Page } from 'playwright-core';
import { startApi, type RunningApi } from '../support/api.js';
import { launchBrowser, signIn } from '../support/browser.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { startWebApp, type RunningWebApp } from '../support/web-apps.js';

/** SLA countdowns in the workspace: badges in the queue and on the ticket, the "Overdue" queue. */
let api: RunningApi;
let workspace: RunningWebApp;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;

beforeAll(async () => {
  api = await startApi();
  [workspace, chromium] = await Promise.all([startWebApp('workspace', api.url), launchBrowser()]);
  browser = chromium.browser;
}, 90_000);

afterAll(async () => {
  await chromium?.close();
  await workspace?.close();
  await api?.close();
});

async function agentPage(): Promise<{ page: Page; close(): Promise<void> }> {
  const agent = await createUser(api.url, 'agent');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, workspace.url, agent.email);
  return { page, close: () => context.close() };
}

describe('SLA in the workspace', () => {
  it('shows countdown badges per running target, an Overdue queue, and the policy on the ticket', async () => {
    const customer = await createUser(api.url, 'customer');
    const client = createApiClient({ url: api.url, token: customer.token });
    const late = await client.tickets.create.mutate({ subject: `Late one ${Date.now()}`, description: 'x', urgency: 'critical', importance: 'critical' });
    const fresh = await client.tickets.create.mutate({ subject: `Fresh one ${Date.now()}`, description: 'x', urgency: 'low', importance: 'low' });
    for (const t of [late, fresh]) {
      await eventually(async () => (await sql('SELECT id FROM ticket_sla_targets WHERE ticket_id = ?', [t.id])).length === 2);
    }
    // The late ticket's first response fell due 5 minutes ago and was recorded as breached.
    const due = new Date(Date.now() - 5 * 60_000);
    await sql("UPDATE ticket_sla_targets SET due_at = ?, active_due_at = ?, breached_at = ? WHERE ticket_id = ? AND metric = 'first_response'", [due, due, due, late.id]);
    await sql('UPDATE ticket_slas SET next_due_at = ? WHERE ticket_id = ?', [due, late.id]);

    const { page, close } = await agentPage();
    try {
      await page.goto(`${workspace.url}/tickets?requesterId=${customer.id}`);
      const lateRow = page.locator(`[data-testid="ticket-row"][data-ticket-id="${late.id}"]`);
      await lateRow.waitFor();
      expect(await lateRow.locator('[data-testid="sla-badge"][data-metric="first_response"]').getAttribute('data-state')).toBe('breached');
      expect(await lateRow.locator('[data-testid="sla-badge"][data-metric="first_response"]').innerText()).toMatch(/^FR 5m overdue$/);
      const freshBadges = page.locator(`[data-testid="ticket-row"][data-ticket-id="${fresh.id}"] [data-testid="sla-badge"]`);
      expect(await freshBadges.evaluateAll((els) => els.map((e) => [e.getAttribute('data-metric'), e.getAttribute('data-state'), e.textContent]))).toEqual([
        ['first_response', 'running', 'FR 23h 59m'],
        ['resolution', 'running', 'RES 6d 23h'],
      ]);

      // The quick filter: only overdue tickets, earliest first.
      await page.getByRole('link', { name: 'Overdue', exact: true }).click();
      await page.waitForURL(/due=overdue/);
      const ids = await page.locator('[data-testid="ticket-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
      expect(ids).toContain(late.id);
      expect(ids).not.toContain(fresh.id);

      await page.goto(`${workspace.url}/tickets/${late.id}`);
      const policy = page.getByTestId('sla-policy');
      await policy.waitFor();
      expect(await policy.innerText()).toContain('Default');
      expect(await policy.innerText()).toContain('default policy');
      expect(await policy.locator('[data-metric="first_response"]').innerText()).toBe('First response breached: 5m overdue');
    } finally {
      await close();
    }
  });
});
