import { createApiClient } from '@switchboard/trpc-client';
import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { eventually, sql } from '../support/db.js';
import { createCompany, createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** SLA countdowns in the workspace: badges in the queue and on the ticket, the "Overdue" queue. */

const { api, portal, workspace, browser } = useBrowserStack({ portal: true, workspace: true });

async function agentPage(role: 'agent' | 'admin' = 'agent'): Promise<{ page: Page; close(): Promise<void> }> {
  const agent = await createUser(api.url, role);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, workspace.url, agent.email);
  return { page, close: () => context.close() };
}

describe('SLA in the workspace', () => {
  it('shows countdown badges per running target, the Overdue and Due-in-the-next-hour queues, the due sort, and the policy on the ticket', async () => {
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
    await sql('UPDATE tickets SET sla_due_at = ? WHERE id = ?', [due, late.id]);

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
      // The URL changes before the new rows render: wait for the table sorted by due time.
      await page.locator('th[aria-sort="ascending"]:has([data-testid="sort-due"])').waitFor();
      const firstPage = await page.locator('[data-testid="ticket-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
      expect(firstPage).not.toContain(fresh.id);
      // Other files' overdue tickets share this database and fell due earlier, so the late one may sit past the
      // first page: narrow the same quick filter to this customer.
      await page.goto(`${workspace.url}/tickets?due=overdue&sort=due&direction=asc&requesterId=${customer.id}`);
      await lateRow.waitFor();
      const ids = await page.locator('[data-testid="ticket-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
      expect(ids).toEqual([late.id]);

      // About to breach: amber, in "Due in the next hour", and sorted between the overdue and the fresh one.
      const soon = await client.tickets.create.mutate({ subject: `Soon one ${Date.now()}`, description: 'x', urgency: 'critical', importance: 'critical' });
      await eventually(async () => (await sql('SELECT id FROM ticket_sla_targets WHERE ticket_id = ?', [soon.id])).length === 2);
      const soonDue = new Date(Date.now() + 30 * 60_000);
      const warned = new Date(Date.now() - 60_000);
      await sql("UPDATE ticket_sla_targets SET due_at = ?, active_due_at = ?, warn_at = ? WHERE ticket_id = ? AND metric = 'first_response'", [soonDue, soonDue, warned, soon.id]);
      await sql('UPDATE ticket_slas SET next_due_at = ? WHERE ticket_id = ?', [soonDue, soon.id]);
      await sql('UPDATE tickets SET sla_due_at = ? WHERE id = ?', [soonDue, soon.id]);
      await page.getByRole('link', { name: 'Due in the next hour', exact: true }).click();
      await page.waitForURL(/due=next_hour/);
      // As above: other files' critical tickets may be due sooner; narrow to this customer.
      await page.goto(`${workspace.url}/tickets?due=next_hour&sort=due&direction=asc&requesterId=${customer.id}`);
      const soonRow = page.locator(`[data-testid="ticket-row"][data-ticket-id="${soon.id}"]`);
      await soonRow.waitFor();
      const soonBadge = soonRow.locator('[data-testid="sla-badge"][data-metric="first_response"]');
      expect(await soonBadge.getAttribute('data-state')).toBe('approaching');
      expect(await soonBadge.innerText()).toMatch(/^FR (29|30)m$/);
      const dueSoon = await page.locator('[data-testid="ticket-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
      expect(dueSoon).not.toContain(late.id);
      expect(dueSoon).not.toContain(fresh.id);
      await page.goto(`${workspace.url}/tickets?requesterId=${customer.id}`);
      await page.locator('[data-testid="ticket-row"]').first().waitFor();
      // The SLA column sorts by the earliest due time, soonest first.
      await page.getByTestId('sort-due').click();
      await page.waitForURL((u) => u.searchParams.get('sort') === 'due' && u.searchParams.get('direction') === 'asc');
      await page.locator('th[aria-sort="ascending"]:has([data-testid="sort-due"])').waitFor();
      const byDue = await page.locator('[data-testid="ticket-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
      expect(byDue).toEqual([late.id, soon.id, fresh.id]);

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

  it('lets an admin define a business-hours calendar and policy, and previews when a ticket would be due', async () => {
    const run = Date.now().toString(36);
    const { page, close } = await agentPage('admin');
    try {
      await page.goto(`${workspace.url}/admin/sla/calendars/new`);
      await page.fill('input[name="name"]', `Berlin ${run}`);
      await page.fill('input[name="timezone"]', 'Europe/Berlin');
      await page.fill('textarea[name="weekly"]', 'Mon-Fri 09:00-12:00, 13:00-17:00');
      await page.fill('textarea[name="holidays"]', '2026-12-25 Christmas');
      await Promise.all([page.waitForURL(/\/admin\/sla$/), page.click('button:has-text("Save calendar")')]);
      await page.getByRole('link', { name: `Berlin ${run}` }).waitFor();

      // A bad line is refused next to its field, with what was typed kept.
      await page.goto(`${workspace.url}/admin/sla/calendars/new`);
      await page.fill('input[name="name"]', `Broken ${run}`);
      await page.fill('textarea[name="weekly"]', 'Mon 17:00-09:00');
      await page.click('button:has-text("Save calendar")');
      await page.locator('#weekly-error').waitFor();
      expect(await page.locator('#weekly-error').innerText()).toMatch(/end must be after start/);
      expect(await page.inputValue('textarea[name="weekly"]')).toBe('Mon 17:00-09:00');

      await page.goto(`${workspace.url}/admin/sla/policies/new`);
      await page.fill('input[name="name"]', `Office hours ${run}`);
      await page.selectOption('select[name="calendarId"]', { label: `Berlin ${run}` });
      await page.check('input[name="businessTime"]');
      // The form starts from the default policy's targets.
      expect(await page.inputValue('input[name="critical.high.firstResponseMinutes"]')).toBe('30m');
      await Promise.all([page.waitForURL(/\/admin\/sla$/), page.click('button:has-text("Save policy")')]);

      await page.selectOption('select[name="policyId"]', { label: `Office hours ${run}` });
      await page.selectOption('select[name="urgency"]', 'critical');
      await page.selectOption('select[name="importance"]', 'high');
      await page.fill('input[name="createdAt"]', '2026-11-20T17:30');
      await Promise.all([page.waitForURL(/createdAt=/), page.click('button:has-text("Preview")')]);
      expect(await page.getByTestId('sla-preview-sentence').innerText()).toBe('A critical/high ticket created Friday 17:30 is due Monday 09:30.');
    } finally {
      await close();
    }
  });

  it('shows a customer when to expect an answer in the portal when their company wants it shown', async () => {
    const companyId = await createCompany(`Shown ${Date.now()}`);
    const admin = createApiClient({ url: api.url, token: (await createUser(api.url, 'admin')).token });
    await admin.sla.setCompanyDisplay.mutate({ companyId, show: true });
    const customer = await createUser(api.url, 'customer', { companyId });
    const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'When will you answer?', description: 'x' });
    await eventually(async () => (await sql('SELECT id FROM ticket_sla_targets WHERE ticket_id = ?', [ticket.id])).length === 2);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await signIn(page, portal.url, customer.email);
      await page.goto(`${portal.url}/tickets/${ticket.id}`);
      const expected = page.getByTestId('expected-response');
      await expected.waitFor();
      expect(await expected.innerText()).toMatch(/We aim to answer by/);
      const [target] = await sql<{ due_at: Date }>("SELECT due_at FROM ticket_sla_targets WHERE ticket_id = ? AND metric = 'first_response'", [ticket.id]);
      expect(await expected.locator('time').getAttribute('datetime')).toBe(target.due_at.toISOString());
    } finally {
      await context.close();
    }
  });
});
