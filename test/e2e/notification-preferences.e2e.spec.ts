import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@switchboard/contracts';
import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { Redis } from 'ioredis';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api } = useApi({ worker: true });

const local = (email: string) => email.split('@')[0]!;
const clock = (d: Date) => d.toISOString().slice(11, 16);
/** Quiet hours from an hour ago to an hour from now (UTC): "now" is inside them. */
const quietNow = (email: 'hold' | 'drop'): NotificationPreferences['quietHours'] => ({
  enabled: true,
  start: clock(new Date(Date.now() - 3_600_000)),
  end: clock(new Date(Date.now() + 3_600_000)),
  timeZone: 'UTC',
  email,
});

describe('notification preferences', () => {
  it('start with everything on, are saved per user, and name the field of bad input', async () => {
    const agent = await createUser(api.url, 'agent');
    const client = createApiClient({ url: api.url, token: agent.token });
    expect(await client.inbox.preferences.query()).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);

    const mine: NotificationPreferences = {
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      events: { ...DEFAULT_NOTIFICATION_PREFERENCES.events, assigned: { inApp: true, email: false } },
      quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'Europe/Lisbon', email: 'drop' },
    };
    expect(await client.inbox.updatePreferences.mutate(mine)).toEqual(mine);
    expect(await client.inbox.preferences.query()).toEqual(mine);
    // Someone else's are untouched.
    const other = await createUser(api.url, 'agent');
    expect(await createApiClient({ url: api.url, token: other.token }).inbox.preferences.query()).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);

    const badZone = await client.inbox.updatePreferences.mutate({ ...mine, quietHours: { ...mine.quietHours, timeZone: 'Mars/Olympus' } }).catch((e) => e);
    expect(apiErrorKind(badZone)).toBe('bad_request');
    expect(apiFieldErrors(badZone)).toHaveProperty(['quietHours.timeZone']);
    const badClock = await client.inbox.updatePreferences.mutate({ ...mine, quietHours: { ...mine.quietHours, start: '25:00' } }).catch((e) => e);
    expect(apiFieldErrors(badClock)).toHaveProperty(['quietHours.start']);
    expect(await client.inbox.preferences.query()).toEqual(mine);

    // The portal's part (customer email) survives a save from the workspace page, which does not send it.
    await client.inbox.updatePreferences.mutate({ ...mine, customer: { replies: false } });
    expect(await client.inbox.updatePreferences.mutate(mine)).toEqual({ ...mine, customer: { replies: false } });
    expect(await client.inbox.updatePreferences.mutate({ ...mine, customer: { replies: true } })).toEqual({ ...mine, customer: { replies: true } });
    await client.inbox.updatePreferences.mutate({ ...mine, customer: undefined });
    mine.customer = { replies: true };

    // The same document over REST (GET/PUT /api/v1/inbox/preferences), with the field named on bad input.
    const rest = restClient(api.url);
    expect(await rest.get('/inbox/preferences', agent.token)).toEqual({ status: 200, body: mine });
    const put = await rest.raw('PUT', '/api/v1/inbox/preferences', agent.token, { ...mine, quietHours: { ...mine.quietHours, end: '7am' } });
    expect(put.status).toBe(400);
    expect(JSON.stringify(put.body)).toContain('quietHours.end');
    expect((await rest.get('/inbox/preferences', null)).status).toBe(401);

    // A document saved before an event existed (here: without sla_breach) keeps every choice it holds; the
    // new event starts with its default. Before, the whole document failed validation and read as defaults.
    const [{ doc }] = await sql<{ doc: string }>('SELECT preferences AS doc FROM notification_preferences WHERE user_id = ?', [agent.id]);
    const older = JSON.parse(doc) as NotificationPreferences;
    delete (older.events as Partial<NotificationPreferences['events']>).sla_breach;
    await sql('UPDATE notification_preferences SET preferences = ? WHERE user_id = ?', [JSON.stringify(older), agent.id]);
    expect(await client.inbox.preferences.query()).toEqual({ ...mine, events: { ...mine.events, sla_breach: DEFAULT_NOTIFICATION_PREFERENCES.events.sla_breach } });
    expect((await client.inbox.preferences.query()).events.assigned).toEqual({ inApp: true, email: false });
  });

  it('failed_work (docs/decisions/026): a document saved before it keeps every choice, and a save without it keeps the stored one', async () => {
    const admin = await createUser(api.url, 'admin');
    const client = createApiClient({ url: api.url, token: admin.token });
    const rest = restClient(api.url);
    // Exactly what a person saved before the event existed: the six events of decision 023.
    const { failed_work: _new, ...six } = DEFAULT_NOTIFICATION_PREFERENCES.events;
    const before026 = { events: { ...six, assigned: { inApp: false, email: false }, sla_breach: { inApp: true, email: false } }, quietHours: quietNow('hold') };
    await sql('INSERT INTO notification_preferences (user_id, preferences) VALUES (?, ?)', [admin.id, JSON.stringify(before026)]);
    const read = await client.inbox.preferences.query();
    expect(read).toEqual({ ...before026, events: { ...before026.events, failed_work: { inApp: true, email: true } } });

    // The admin turns its email off; a client written before the event (a REST caller) saves without it: kept.
    await client.inbox.updatePreferences.mutate({ ...read, events: { ...read.events, failed_work: { inApp: true, email: false } } });
    const put = await rest.raw('PUT', '/api/v1/inbox/preferences', admin.token, { ...before026, events: { ...before026.events, mention: { inApp: true, email: false } } });
    expect(put.status).toBe(200);
    expect(put.body.events).toMatchObject({ mention: { inApp: true, email: false }, assigned: { inApp: false, email: false }, failed_work: { inApp: true, email: false } });
    // The events that existed before are still required: leaving one out is a 400 naming it.
    const { mention: _gone, ...missing } = before026.events;
    const bad = await rest.raw('PUT', '/api/v1/inbox/preferences', admin.token, { ...before026, events: missing });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('events.mention');
  });

  it('suppress, drop or hold a mention email and the in-app notification as each colleague chose', async () => {
    const rest = restClient(api.url);
    const customer = await createUser(api.url, 'customer');
    const author = await createUser(api.url, 'agent', { name: 'Ari Author' });
    const everything = await createUser(api.url, 'agent'); // defaults
    const noEmail = await createUser(api.url, 'agent');
    const noBell = await createUser(api.url, 'agent');
    const quietDrop = await createUser(api.url, 'agent');
    const quietHold = await createUser(api.url, 'agent');
    const set = (user: { token: string }, change: (p: NotificationPreferences) => NotificationPreferences) =>
      createApiClient({ url: api.url, token: user.token }).inbox.updatePreferences.mutate(change(structuredClone(DEFAULT_NOTIFICATION_PREFERENCES)));
    await set(noEmail, (p) => ({ ...p, events: { ...p.events, mention: { inApp: true, email: false } } }));
    await set(noBell, (p) => ({ ...p, events: { ...p.events, mention: { inApp: false, email: true } } }));
    await set(quietDrop, (p) => ({ ...p, quietHours: quietNow('drop') }));
    await set(quietHold, (p) => ({ ...p, quietHours: quietNow('hold') }));

    const { body: ticket } = await rest.post('/tickets', { subject: 'Preferences', description: 'x' }, customer.token);
    const people = [everything, noEmail, noBell, quietDrop, quietHold];
    const { status, body: note } = await rest.post(
      `/tickets/${ticket.id}/replies`,
      { body: people.map((p) => `@${local(p.email)}`).join(' ') + ' please look', internal: true },
      author.token,
    );
    expect(status).toBe(200);
    expect(note.mentions).toHaveLength(5);

    // Four outcomes are recorded by the worker; the held one is not (yet).
    const messages = await eventually(async () => {
      const rows = await sql<{ recipient: string; status: string; error: string | null }>(
        'SELECT recipient, status, error FROM outbound_messages WHERE ticket_id = ? AND recipient <> ?',
        [ticket.id, customer.email],
      );
      return rows.length >= 4 ? rows : null;
    });
    const to = (u: { email: string }) => messages.find((m) => m.recipient === u.email);
    expect(to(everything)?.status).toBe('local');
    expect(to(noBell)?.status).toBe('local');
    expect(to(noEmail)).toMatchObject({ status: 'suppressed', error: expect.stringContaining('turned off email for "mention"') });
    expect(to(quietDrop)).toMatchObject({ status: 'suppressed', error: expect.stringContaining('quiet hours') });
    expect(to(quietHold)).toBeUndefined();

    // Held: the same job waits in the queue, delayed until the quiet hours end (about an hour from now).
    const [outbox] = await sql<{ id: number }>(
      "SELECT id FROM outbox_events WHERE topic = 'note.mention' AND JSON_EXTRACT(payload, '$.recipientId') = ?",
      [quietHold.id],
    );
    const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
    try {
      const delayed = await eventually(async () => {
        const key = (await redis.keys(`${process.env.QUEUE_PREFIX}*:outbox:delayed`))[0];
        if (!key) return null;
        const score = await redis.zscore(key, `held:${outbox!.id}:${quietHold.id}`);
        return score === null ? null : Number(score);
      });
      // Bull's delayed score is (timestamp * 0x1000 + counter): the job is due when the quiet hours end.
      const dueAt = Math.floor(delayed / 0x1000);
      expect(dueAt).toBeGreaterThan(Date.now() + 55 * 60_000);
      expect(dueAt).toBeLessThan(Date.now() + 61 * 60_000);
    } finally {
      redis.disconnect();
    }

    // In-app: quiet hours do not apply; the one who turned the bell off for mentions gets nothing.
    const bell = await sql<{ user_id: number }>("SELECT user_id FROM user_notifications WHERE ticket_id = ? AND kind = 'mention'", [ticket.id]);
    expect(bell.map((r) => r.user_id).sort()).toEqual([everything.id, noEmail.id, quietDrop.id, quietHold.id].sort());
  });

  it('tell the assignee in-app when the customer replies on their ticket, unless they turned that off', async () => {
    const customer = await createUser(api.url, 'customer');
    const manager = await createUser(api.url, 'manager');
    const listening = await createUser(api.url, 'agent');
    const muted = await createUser(api.url, 'agent');
    await createApiClient({ url: api.url, token: muted.token }).inbox.updatePreferences.mutate({
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      events: { ...DEFAULT_NOTIFICATION_PREFERENCES.events, customer_replied: { inApp: false, email: true } },
    });
    const customerApi = createApiClient({ url: api.url, token: customer.token });
    const managerApi = createApiClient({ url: api.url, token: manager.token });
    const a = await customerApi.tickets.create.mutate({ subject: 'To the listener', description: 'x' });
    const b = await customerApi.tickets.create.mutate({ subject: 'To the muted one', description: 'x' });
    await managerApi.tickets.update.mutate({ id: a.id, assigneeId: listening.id });
    await managerApi.tickets.update.mutate({ id: b.id, assigneeId: muted.id });
    // The muted agent's ticket first: by the time the listener's notification exists, the muted one's would too.
    await customerApi.tickets.reply.mutate({ id: b.id, body: 'Any news?' });
    await customerApi.tickets.reply.mutate({ id: a.id, body: 'Any news?' });
    // The assignee's own reply is not "the customer replied".
    await createApiClient({ url: api.url, token: listening.token }).tickets.reply.mutate({ id: a.id, body: 'Working on it' });

    const inbox = await eventually(async () => {
      const { items } = await createApiClient({ url: api.url, token: listening.token }).inbox.list.query({});
      return items.some((n) => n.kind === 'customer_replied') ? items : null;
    });
    expect(inbox.filter((n) => n.kind === 'customer_replied')).toEqual([expect.objectContaining({ ticketId: a.id, title: `The customer replied on #${a.id}` })]);
    // The muted agent got the assignment, but not the reply.
    const mutedRows = await sql<{ kind: string }>('SELECT kind FROM user_notifications WHERE user_id = ? ORDER BY id', [muted.id]);
    expect(mutedRows.map((r) => r.kind)).toEqual(['assigned']);
  });
});
