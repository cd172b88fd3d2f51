import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiClient } from '@switchboard/trpc-client';
import type { AddressInfo } from 'node:net';
import { createApi, createWorker } from '../../apps/api/src/bootstrap.js';
import { addBusinessTime } from '../../apps/api/src/sla/business-time.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createCompany, createUser } from '../support/people.js';

/** Due times follow the ticket (urgency, importance, type, company) and the settings (policy, calendar). */
const MIN = 60_000;
let app: NestExpressApplication;
let url: string;
let worker: INestApplicationContext;
const run = Date.now().toString(36);

beforeAll(async () => {
  ({ app } = await createApi());
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  ({ worker } = await createWorker());
});
afterAll(async () => {
  await worker.close();
  await app.close();
});

interface Target {
  id: number;
  due_at: Date;
  met_at: Date | null;
  breached_at: Date | null;
  policy_id: number;
}
const target = async (ticketId: number, metric: string) =>
  (
    await sql<Target>('SELECT id, due_at, met_at, breached_at, policy_id FROM ticket_sla_targets WHERE ticket_id = ? AND metric = ? AND seq = 0', [
      ticketId,
      metric,
    ])
  )[0];
const due = async (ticketId: number, metric: string) => (await target(ticketId, metric))?.due_at.getTime();
const createdAt = async (ticketId: number) => (await sql<{ created_at: Date }>('SELECT created_at FROM tickets WHERE id = ?', [ticketId]))[0].created_at.getTime();
const rows = (first: number, resolution: number) =>
  (['critical', 'high', 'medium', 'low'] as const).flatMap((urgency) =>
    (['critical', 'high', 'medium', 'low'] as const).map((importance) => ({ urgency, importance, firstResponseMinutes: first, nextResponseMinutes: first, resolutionMinutes: resolution })),
  );

async function staff() {
  const admin = await createUser(url, 'admin');
  const agent = await createUser(url, 'agent');
  return { admin: createApiClient({ url, token: admin.token }), agent: createApiClient({ url, token: agent.token }) };
}

async function ticketOf(token: string, subject: string, extra: { issueTypeId?: number } = {}) {
  const ticket = await createApiClient({ url, token }).tickets.create.mutate({ subject, description: 'x', urgency: 'medium', importance: 'medium', ...extra });
  await eventually(async () => (await sql('SELECT id FROM ticket_sla_targets WHERE ticket_id = ?', [ticket.id])).length === 2);
  return { id: ticket.id, createdAt: await createdAt(ticket.id) };
}

describe('SLA recompute', () => {
  it('recomputes open tickets when their policy changes, and never rewrites a met or breached outcome', async () => {
    const { admin, agent } = await staff();
    const [calendar] = await sql<{ id: number }>("SELECT id FROM business_calendars WHERE name = '24/7'");
    const companyId = await createCompany(`Policy Co ${run}`);
    const customer = await createUser(url, 'customer', { companyId });
    const policy = await admin.sla.savePolicy.mutate({ name: `Contract ${run}`, calendarId: calendar.id, targets: rows(60, 600), assignments: [{ companyId, issueTypeId: null }] });

    const running = await ticketOf(customer.token, 'running');
    const answered = await ticketOf(customer.token, 'answered');
    const late = await ticketOf(customer.token, 'late');
    const resolved = await ticketOf(customer.token, 'resolved');
    expect(await due(running.id, 'first_response')).toBe(running.createdAt + 60 * MIN);
    await agent.tickets.reply.mutate({ id: answered.id, body: 'On it' });
    const met = await eventually(async () => (await target(answered.id, 'first_response')).met_at);
    const breachedAt = new Date(late.createdAt + 61 * MIN);
    await sql("UPDATE ticket_sla_targets SET breached_at = ? WHERE ticket_id = ? AND metric = 'first_response'", [breachedAt, late.id]);
    await agent.tickets.update.mutate({ id: resolved.id, status: 'resolved' });
    const resolvedBefore = await eventually(async () => (await target(resolved.id, 'resolution')).met_at && target(resolved.id, 'resolution'));

    await admin.sla.savePolicy.mutate({ id: policy.id, name: policy.name, calendarId: calendar.id, targets: rows(30, 300), assignments: [{ companyId, issueTypeId: null }] });

    // Pending targets move through the outbox and the worker (no ticket change needed). The job walks the
    // tickets one at a time in id order and marks its outbox row done after the last one; assert after that.
    const outboxStatus = async () =>
      (
        await sql<{ status: string }>(
          "SELECT status FROM outbox_events WHERE topic = 'sla.recompute' AND JSON_EXTRACT(payload, '$.policyId') = ? ORDER BY id DESC LIMIT 1",
          [policy.id],
        )
      )[0]?.status;
    await eventually(async () => (await outboxStatus()) === 'done');
    expect(await due(running.id, 'first_response')).toBe(running.createdAt + 30 * MIN);
    expect(await due(running.id, 'resolution')).toBe(running.createdAt + 300 * MIN);
    expect(await due(answered.id, 'resolution')).toBe(answered.createdAt + 300 * MIN);
    // A met target keeps its due time, so its outcome stays "met in time".
    expect(await target(answered.id, 'first_response')).toMatchObject({ met_at: met, due_at: new Date(answered.createdAt + 60 * MIN) });
    // A recorded breach stays recorded (its due time may move; the breach happened).
    expect(await due(late.id, 'first_response')).toBe(late.createdAt + 30 * MIN);
    expect((await target(late.id, 'first_response')).breached_at).toEqual(breachedAt);
    // A resolved ticket is not touched.
    expect(await target(resolved.id, 'resolution')).toEqual(resolvedBefore);
  });

  it('moves open tickets to a new policy assigned to their company, and back to the default when the assignment goes', async () => {
    const { admin } = await staff();
    const [calendar] = await sql<{ id: number }>("SELECT id FROM business_calendars WHERE name = '24/7'");
    const companyId = await createCompany(`Newcomer Co ${run}`);
    const customer = await createUser(url, 'customer', { companyId });
    const ticket = await ticketOf(customer.token, 'before the contract');
    expect(await due(ticket.id, 'first_response')).toBe(ticket.createdAt + 8 * 60 * MIN);

    const policy = await admin.sla.savePolicy.mutate({ name: `New contract ${run}`, calendarId: calendar.id, targets: rows(25, 250), assignments: [{ companyId, issueTypeId: null }] });
    await eventually(async () => (await due(ticket.id, 'first_response')) === ticket.createdAt + 25 * MIN);
    expect((await target(ticket.id, 'resolution')).policy_id).toBe(policy.id);

    await admin.sla.savePolicy.mutate({ id: policy.id, name: policy.name, calendarId: calendar.id, targets: rows(25, 250), assignments: [] });
    await eventually(async () => (await due(ticket.id, 'first_response')) === ticket.createdAt + 8 * 60 * MIN);
    expect((await target(ticket.id, 'resolution')).policy_id).not.toBe(policy.id);
  });

  it('recomputes open tickets when the business calendar of their policy changes', async () => {
    const { admin } = await staff();
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));
    const calendar = await admin.sla.saveCalendar.mutate({ name: `Always ${run}`, timezone: 'UTC', weekly: allWeek });
    const companyId = await createCompany(`Calendar Co ${run}`);
    const customer = await createUser(url, 'customer', { companyId });
    await admin.sla.savePolicy.mutate({ name: `Business ${run}`, calendarId: calendar.id, businessTime: true, targets: rows(120, 24 * 60), assignments: [{ companyId, issueTypeId: null }] });
    const ticket = await ticketOf(customer.token, 'calendar');
    expect(await due(ticket.id, 'first_response')).toBe(ticket.createdAt + 120 * MIN);

    // Today and tomorrow become holidays: the clock stops until the day after.
    const day = (offset: number) => new Date(ticket.createdAt + offset * 86_400_000).toISOString().slice(0, 10);
    const holidays = [
      { date: day(0), name: 'Closed' },
      { date: day(1), name: 'Closed too' },
    ];
    await admin.sla.saveCalendar.mutate({ id: calendar.id, name: calendar.name, timezone: 'UTC', weekly: allWeek, holidays });
    const hours = { timezone: 'UTC', weekly: allWeek, holidays: holidays.map((h) => h.date) };
    const expected = addBusinessTime(new Date(ticket.createdAt), 120 * MIN, hours).getTime();
    expect(expected).toBe(Date.parse(`${day(2)}T02:00:00Z`));
    await eventually(async () => (await due(ticket.id, 'first_response')) === expected);
    expect(await due(ticket.id, 'resolution')).toBe(addBusinessTime(new Date(ticket.createdAt), 24 * 60 * MIN, hours).getTime());
  });

  it('recomputes when the issue type or the company of a ticket changes', async () => {
    const { admin, agent } = await staff();
    const [calendar] = await sql<{ id: number }>("SELECT id FROM business_calendars WHERE name = '24/7'");
    const type = await admin.catalog.saveIssueType.mutate({ name: `Outage ${run}`, description: 'Down', fields: [] });
    const typed = await admin.sla.savePolicy.mutate({ name: `Outages ${run}`, calendarId: calendar.id, targets: rows(10, 100), assignments: [{ companyId: null, issueTypeId: type.id }] });
    const companyId = await createCompany(`Gold ${run}`);
    const gold = await admin.sla.savePolicy.mutate({ name: `Gold ${run}`, calendarId: calendar.id, targets: rows(20, 200), assignments: [{ companyId, issueTypeId: null }] });

    const customer = await createUser(url, 'customer');
    const ticket = await ticketOf(customer.token, 'changes');
    // Default policy, medium/medium: 8 h / 3 days.
    expect(await due(ticket.id, 'first_response')).toBe(ticket.createdAt + 8 * 60 * MIN);

    await agent.tickets.update.mutate({ id: ticket.id, issueTypeId: type.id });
    await eventually(async () => (await due(ticket.id, 'first_response')) === ticket.createdAt + 10 * MIN);
    expect(await target(ticket.id, 'resolution')).toMatchObject({ policy_id: typed.id, due_at: new Date(ticket.createdAt + 100 * MIN) });

    // An admin moves the customer into a company: their tickets follow, and a company's policy beats an issue type's.
    const moved = await admin.companies.moveCustomer.mutate({ userId: customer.id, companyId });
    expect(moved.ticketsMoved).toBe(1);
    await eventually(async () => (await due(ticket.id, 'first_response')) === ticket.createdAt + 20 * MIN);
    expect(await target(ticket.id, 'resolution')).toMatchObject({ policy_id: gold.id, due_at: new Date(ticket.createdAt + 200 * MIN) });
    const sla = await agent.sla.forTicket.query({ ticketId: ticket.id });
    expect(sla.reason).toContain(`company Gold ${run}`);
  });

  it('recomputes when a self-registered customer verifies their email and joins the company of their domain', async () => {
    const { admin } = await staff();
    const [calendar] = await sql<{ id: number }>("SELECT id FROM business_calendars WHERE name = '24/7'");
    const domain = `sla-${run}.test`;
    const companyId = await createCompany(`Domain Co ${run}`, domain);
    await admin.sla.savePolicy.mutate({ name: `Domain ${run}`, calendarId: calendar.id, targets: rows(45, 450), assignments: [{ companyId, issueTypeId: null }] });
    const rest = restClient(url);
    const email = `vera@${domain}`;
    const { body: registered } = await rest.post('/auth/register', { name: 'Vera', email, password: 'lantern-harbor-77' });
    const ticket = await ticketOf(registered.token, 'Before verifying');
    expect(await due(ticket.id, 'first_response')).toBe(ticket.createdAt + 8 * 60 * MIN);

    const message = await eventually(async () => {
      const [row] = await sql<{ body: string }>("SELECT body FROM outbound_messages WHERE recipient = ? AND subject = 'Confirm your email address'", [email]);
      return row ?? null;
    });
    const link = decodeURIComponent(message.body.match(/\/verify-email\?token=(\S+)/)![1]);
    expect((await rest.post('/auth/verify-email', { token: link })).body).toEqual({ ok: true, companyName: `Domain Co ${run}` });
    await eventually(async () => (await due(ticket.id, 'first_response')) === ticket.createdAt + 45 * MIN);
  });
});
