import { jest } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { createApiClient } from '@switchboard/trpc-client';
import type { Job } from 'bull';
import { useApi } from '../support/api.js';
import { NotificationFeed } from '../../apps/api/src/inbox/notification-feed.service.js';
import type { OutboxJob } from '../../apps/api/src/outbox/outbox.topics.js';
import { SlaEscalationProcessor } from '../../apps/api/src/sla/jobs/sla-escalation.processor.js';
import { SlaReconciler } from '../../apps/api/src/sla/sla-reconciler.job.js';
import { UpdateTicketCommand } from '../../apps/api/src/tickets/commands/update-ticket/update-ticket.command.js';
import { eventually, sql } from '../support/db.js';
import { createCompany, createUser } from '../support/people.js';

/** What a breach causes, and that a worker dying at any step neither loses it nor does it twice. */
const MIN = 60_000;
const { api, worker } = useApi({ worker: true });
afterEach(() => jest.restoreAllMocks());

const firstResponse = async (ticketId: number) =>
  (
    await sql<{ id: number; breached_at: Date | null; warned_at: Date | null }>(
      "SELECT id, breached_at, warned_at FROM ticket_sla_targets WHERE ticket_id = ? AND metric = 'first_response'",
      [ticketId],
    )
  )[0];
const createdAt = async (ticketId: number) => (await sql<{ created_at: Date }>('SELECT created_at FROM tickets WHERE id = ?', [ticketId]))[0].created_at.getTime();
const slaEvents = (ticketId: number) => sql("SELECT id FROM ticket_entries WHERE ticket_id = ? AND event_field = 'sla'", [ticketId]);
const outboxRows = (topic: string, ticketId: number) =>
  sql<{ id: number; status: string; attempts: number; payload: unknown }>(
    "SELECT id, status, attempts, payload FROM outbox_events WHERE topic = ? AND JSON_EXTRACT(payload, '$.ticketId') = ?",
    [topic, ticketId],
  );

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

async function bell(token: string, ticketId: number) {
  const inbox = await createApiClient({ url: api.url, token }).inbox.list.query({ limit: 50 });
  return inbox.items.filter((n) => n.ticketId === ticketId).map((n) => n.kind);
}

describe('SLA breach consequences survive a dying worker', () => {
  it('warns the assignee in the bell, and records a breach with all its notifications once when the worker dies mid-way', async () => {
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const manager = await createUser(api.url, 'manager');
    const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Bell', description: 'x', urgency: 'critical', importance: 'critical' });
    await eventually(() => firstResponse(ticket.id));
    await createApiClient({ url: api.url, token: agent.token }).tickets.update.mutate({ id: ticket.id, assigneeId: agent.id });
    const t0 = await createdAt(ticket.id);
    const target = await firstResponse(ticket.id);
    const reconciler = worker.get(SlaReconciler);

    // Approaching (75 % of 15 min): the assignee hears, in the bell and by email; managers do not.
    expect((await reconciler.run(new Date(t0 + 12 * MIN))).warned).toContain(target.id);
    expect(await bell(agent.token, ticket.id)).toEqual(['sla.warning']);
    expect(await bell(manager.token, ticket.id)).toEqual([]);
    expect(await outboxRows('sla.warning', ticket.id)).toHaveLength(1);

    // The worker dies after the breach's UPDATE, before its transaction commits: nothing of it stays.
    const feed = worker.get(NotificationFeed);
    const notify = feed.notify.bind(feed);
    let dying = true;
    jest.spyOn(feed, 'notify').mockImplementation(async (userId, notification, transaction) => {
      if (dying && notification.ticketId === ticket.id) {
        dying = false;
        throw new Error('worker killed');
      }
      return notify(userId, notification, transaction);
    });
    const crashed = await reconciler.run(new Date(t0 + 16 * MIN));
    expect(crashed.failed).toContain(target.id);
    expect(crashed.breached).not.toContain(target.id);
    expect((await firstResponse(ticket.id)).breached_at).toBeNull();
    expect(await slaEvents(ticket.id)).toHaveLength(0);
    expect(await outboxRows('sla.breached', ticket.id)).toHaveLength(0);
    expect(await sql("SELECT id FROM sla_notifications WHERE target_id = ? AND kind = 'breach'", [target.id])).toHaveLength(0);

    // The next pass records it, with everything it causes, and later passes add nothing.
    expect((await reconciler.run(new Date(t0 + 17 * MIN))).breached).toContain(target.id);
    expect((await reconciler.run(new Date(t0 + 18 * MIN))).breached).not.toContain(target.id);
    expect((await firstResponse(ticket.id)).breached_at!.getTime()).toBe(t0 + 17 * MIN);
    expect(await slaEvents(ticket.id)).toHaveLength(1);
    expect(await outboxRows('sla.breached', ticket.id)).toHaveLength(1);
    expect(await bell(agent.token, ticket.id)).toEqual(['sla.breach', 'sla.warning']);
    expect(await bell(manager.token, ticket.id)).toEqual(['sla.breach']);
    const notice = (await createApiClient({ url: api.url, token: manager.token }).inbox.list.query({ limit: 50 })).items.find((n) => n.ticketId === ticket.id)!;
    expect(notice).toMatchObject({ title: `Ticket #${ticket.id}: first response SLA breached`, body: 'Bell', read: false });
  });

  it('applies the escalation exactly once when the worker dies after the breach committed', async () => {
    const companyId = await createCompany(`Escalate ${Date.now()}`);
    const customer = await createUser(api.url, 'customer', { companyId });
    const [calendar] = await sql<{ id: number }>("SELECT id FROM business_calendars WHERE name = '24/7'");
    const teamName = `Rescue ${companyId}`;
    await sql('INSERT INTO teams (name) VALUES (?)', [teamName]);
    const [team] = await sql<{ id: number }>('SELECT id FROM teams WHERE name = ?', [teamName]);
    const targets = JSON.stringify([{ urgency: 'medium', importance: 'medium', firstResponseMinutes: 5, nextResponseMinutes: 5, resolutionMinutes: 60 }]);
    await sql(
      `INSERT INTO sla_policies (name, calendar_id, business_time, targets, pause_statuses, warn_percent, escalate_urgency, escalate_team_id)
       VALUES (?, ?, 0, ?, '["on_hold"]', 50, 1, ?)`,
      [`Escalating ${companyId}`, calendar.id, targets, team.id],
    );
    const [policy] = await sql<{ id: number }>('SELECT id FROM sla_policies WHERE name = ?', [`Escalating ${companyId}`]);
    await sql('INSERT INTO sla_policy_assignments (policy_id, company_id) VALUES (?, ?)', [policy.id, companyId]);
    const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Escalate me', description: 'x', urgency: 'medium', importance: 'medium' });
    await eventually(() => firstResponse(ticket.id));
    const t0 = await createdAt(ticket.id);

    // The worker dies while applying the escalation (after the breach and its outbox row committed).
    const bus = worker.get(CommandBus);
    const execute = bus.execute.bind(bus);
    let killed = 0;
    jest.spyOn(bus, 'execute').mockImplementation(async (command) => {
      if (command instanceof UpdateTicketCommand && command.ticketId === ticket.id && killed++ === 0) throw new Error('worker killed');
      return execute(command);
    });
    const reconciler = worker.get(SlaReconciler);
    expect((await reconciler.run(new Date(t0 + 6 * MIN))).breached).toHaveLength(1);
    const [row] = await outboxRows('sla.escalate', ticket.id);
    expect(json(row.payload)).toMatchObject({ ticketId: ticket.id, urgency: 'high', teamId: team.id });

    // Bull retries the job; the retry applies it.
    const done = await eventually(async () => (await outboxRows('sla.escalate', ticket.id)).find((r) => r.status === 'done'));
    expect(killed).toBeGreaterThanOrEqual(2);
    expect(done.attempts).toBe(1);
    const [after] = await sql<{ urgency: string; team_id: number }>('SELECT urgency, team_id FROM tickets WHERE id = ?', [ticket.id]);
    expect(after).toEqual({ urgency: 'high', team_id: team.id });

    // Delivered once more (a job the worker finished but could not mark done), and reconciled again: nothing twice.
    const job = { data: { outboxId: row.id, topic: 'sla.escalate', payload: json(done.payload) } } as unknown as Job<OutboxJob<'sla.escalate'>>;
    await worker.get(SlaEscalationProcessor).handle(job);
    await reconciler.run(new Date(t0 + 7 * MIN));
    expect(await sql("SELECT id FROM ticket_entries WHERE ticket_id = ? AND event_field IN ('urgency', 'team')", [ticket.id])).toHaveLength(2);
    expect(await outboxRows('sla.escalate', ticket.id)).toHaveLength(1);
    expect(await slaEvents(ticket.id)).toHaveLength(1);

    // A late retry never lowers an urgency someone raised meanwhile.
    await sql("UPDATE tickets SET urgency = 'critical' WHERE id = ?", [ticket.id]);
    await worker.get(SlaEscalationProcessor).handle(job);
    expect((await sql<{ urgency: string }>('SELECT urgency FROM tickets WHERE id = ?', [ticket.id]))[0].urgency).toBe('critical');
  });
});
