import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationEvent, type NotificationPreferences } from '@switchboard/contracts';
import { createApiClient } from '@switchboard/trpc-client';
import { Redis } from 'ioredis';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

const { api } = useApi({ worker: true });
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  const admin = await createUser(api.url, 'admin');
  fx = staffFixtures(api.url, admin.token);
});

type Row = { outbox_event_id: number; recipient: string; subject: string; status: string; error: string | null };
/** The staff emails recorded for a ticket (the customer's own acknowledgements left out). */
const staffEmails = (ticketId: number, customerEmail: string) =>
  sql<Row>('SELECT outbox_event_id, recipient, subject, status, error FROM outbound_messages WHERE ticket_id = ? AND recipient <> ? ORDER BY id', [ticketId, customerEmail]);
const outboxDone = async (topic: string, ticketId: number) => {
  const rows = await sql<{ id: number; status: string }>("SELECT id, status FROM outbox_events WHERE topic = ? AND JSON_EXTRACT(payload, '$.ticketId') = ?", [topic, ticketId]);
  return rows.length > 0 && rows.every((r) => r.status === 'done') ? rows : null;
};
const emailOff = async (user: { token: string }, event: NotificationEvent) => {
  const prefs: NotificationPreferences = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
  prefs.events[event] = { inApp: true, email: false };
  await createApiClient({ url: api.url, token: user.token }).inbox.updatePreferences.mutate(prefs);
};

describe('staff notification emails', () => {
  it('email the assignee when someone else assigns a ticket over tRPC, once, and honour their email switch', async () => {
    const customer = await createUser(api.url, 'customer');
    const manager = await createUser(api.url, 'manager', { name: 'Mia Manager' });
    const agent = await createUser(api.url, 'agent');
    const muted = await createUser(api.url, 'agent');
    await emailOff(muted, 'assigned');
    const customerApi = createApiClient({ url: api.url, token: customer.token });
    const managerApi = createApiClient({ url: api.url, token: manager.token });
    const t = await customerApi.tickets.create.mutate({ subject: 'Printer on fire', description: 'x' });

    await managerApi.tickets.update.mutate({ id: t.id, assigneeId: agent.id });
    await eventually(() => outboxDone('ticket.assigned', t.id));
    expect(await staffEmails(t.id, customer.email)).toEqual([
      expect.objectContaining({ recipient: agent.email, status: 'local', subject: `[#${t.id}] Assigned to you: Printer on fire` }),
    ]);

    // Redelivery (the relay re-queues the row as if its job were lost): nobody gets a second copy.
    const [row] = (await outboxDone('ticket.assigned', t.id))!;
    await sql("UPDATE outbox_events SET status = 'pending' WHERE id = ?", [row!.id]);
    await eventually(() => outboxDone('ticket.assigned', t.id), 20_000);
    expect(await staffEmails(t.id, customer.email)).toHaveLength(1);

    // Email for "assigned" turned off: recorded as suppressed with the reason, not sent.
    await managerApi.tickets.update.mutate({ id: t.id, assigneeId: muted.id });
    const rows = await eventually(async () => {
      const got = await staffEmails(t.id, customer.email);
      return got.length >= 2 ? got : null;
    });
    expect(rows[1]).toMatchObject({ recipient: muted.email, status: 'suppressed', error: expect.stringContaining('turned off email for "assigned"') });

    // Taking a ticket yourself is not news to you: no email.
    await createApiClient({ url: api.url, token: agent.token }).tickets.take.mutate({ id: t.id });
    const topics = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_events WHERE topic = 'ticket.assigned' AND JSON_EXTRACT(payload, '$.ticketId') = ?", [t.id]);
    expect(Number(topics[0]!.n)).toBe(2);
  });

  it('email the assignee when the customer replies on their ticket, not when the assignee or a colleague writes', async () => {
    const customer = await createUser(api.url, 'customer', { name: 'Cora Customer' });
    const manager = await createUser(api.url, 'manager');
    const agent = await createUser(api.url, 'agent');
    await emailOff(agent, 'assigned'); // only the reply's email is under test here
    const customerApi = createApiClient({ url: api.url, token: customer.token });
    const t = await customerApi.tickets.create.mutate({ subject: 'Where is my order', description: 'x' });
    await createApiClient({ url: api.url, token: manager.token }).tickets.update.mutate({ id: t.id, assigneeId: agent.id });
    await createApiClient({ url: api.url, token: agent.token }).tickets.reply.mutate({ id: t.id, body: 'Looking into it' });
    await createApiClient({ url: api.url, token: manager.token }).tickets.reply.mutate({ id: t.id, body: 'Note to self', internal: true });
    await customerApi.tickets.reply.mutate({ id: t.id, body: 'It is still not here, order 4711' });

    await eventually(() => outboxDone('ticket.customer_replied', t.id));
    const replied = (await staffEmails(t.id, customer.email)).filter((r) => r.subject.includes('replied'));
    expect(replied).toEqual([expect.objectContaining({ recipient: agent.email, status: 'local', subject: `[#${t.id}] Cora Customer replied: Where is my order` })]);
    const [body] = await sql<{ body: string }>('SELECT body FROM outbound_messages WHERE outbox_event_id = ?', [replied[0]!.outbox_event_id]);
    expect(body!.body).toContain('order 4711');
    const [count] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_events WHERE topic = 'ticket.customer_replied' AND JSON_EXTRACT(payload, '$.ticketId') = ?", [t.id]);
    expect(Number(count!.n)).toBe(1);

    // Turned off: the next reply's email is suppressed with the reason.
    await emailOff(agent, 'customer_replied');
    await customerApi.tickets.reply.mutate({ id: t.id, body: 'Hello?' });
    const rows = await eventually(async () => {
      const got = (await staffEmails(t.id, customer.email)).filter((r) => r.subject.includes('replied'));
      return got.length >= 2 ? got : null;
    });
    expect(rows[1]).toMatchObject({ recipient: agent.email, status: 'suppressed', error: expect.stringContaining('"customer_replied"') });
  });

  it('email every team member when routing gives a new ticket their team, each as they chose', async () => {
    const listening = await fx.agent({ online: false });
    const muted = await fx.agent({ online: false });
    const sleeping = await fx.agent({ online: false });
    await emailOff(muted, 'team_ticket_created');
    // Quiet hours around now, holding email: their copy waits as a delayed job of its own.
    const clock = (d: Date) => d.toISOString().slice(11, 16);
    await sleeping.client.inbox.updatePreferences.mutate({
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      quietHours: { enabled: true, start: clock(new Date(Date.now() - 3_600_000)), end: clock(new Date(Date.now() + 3_600_000)), timeZone: 'UTC', email: 'hold' },
    });
    const team = await fx.team('manual', [listening.id, muted.id, sleeping.id]);
    const customer = await createUser(api.url, 'customer');
    const t = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'For the team', description: 'x', categoryId: team.categoryId });

    await eventually(() => outboxDone('team.ticket_created', t.id), 20_000);
    const [outbox] = (await outboxDone('team.ticket_created', t.id))!;
    const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
    try {
      await eventually(async () => {
        const key = (await redis.keys(`${process.env.QUEUE_PREFIX}*:outbox:delayed`))[0];
        return key ? (await redis.zscore(key, `held:${outbox!.id}:${sleeping.id}`)) !== null : false;
      });
    } finally {
      redis.disconnect();
    }
    const rows = await staffEmails(t.id, customer.email);
    expect(rows).toHaveLength(2); // the held one is not recorded yet
    expect(rows.find((r) => r.recipient === listening.email)).toMatchObject({ status: 'local', subject: `[#${t.id}] New ticket in ${team.name}: For the team` });
    expect(rows.find((r) => r.recipient === muted.email)).toMatchObject({ status: 'suppressed', error: expect.stringContaining('"team_ticket_created"') });
  });

  it('tell a team about a ticket someone moves into it, in-app and by email, but not the one who moved it', async () => {
    const member = await fx.agent({ online: false });
    const mover = await fx.agent({ online: false });
    const team = await fx.team('manual', [member.id, mover.id]);
    const customer = await createUser(api.url, 'customer');
    const t = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Moved in', description: 'x' });

    await mover.client.tickets.update.mutate({ id: t.id, teamId: team.id });
    await eventually(() => outboxDone('team.ticket_created', t.id), 20_000);
    const rows = await staffEmails(t.id, customer.email);
    expect(rows.map((r) => [r.recipient, r.status, r.subject])).toEqual([[member.email, 'local', `[#${t.id}] New ticket in ${team.name}: Moved in`]]);
    const bell = await member.client.inbox.list.query({});
    expect(bell.items.find((n) => n.ticketId === t.id)).toMatchObject({ kind: 'team_ticket_created', title: `New ticket #${t.id} in ${team.name}` });
    expect((await mover.client.inbox.list.query({})).items.some((n) => n.ticketId === t.id)).toBe(false);
  });
});
