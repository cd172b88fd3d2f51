import { DEFAULT_NOTIFICATION_PREFERENCES } from '@switchboard/contracts';
import { createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

/**
 * Background work that gives up is never silent (docs/decisions/023): SendGrid (a local stand-in)
 * refuses every mail, the outbox gives a job two attempts, and two workers compete for the jobs.
 */
const API_KEY = 'SG.failed-work-test';
const BURST = 30;
const { api, sendgrid } = useApi({
  worker: 2,
  sendgrid: { apiKey: API_KEY, failNext: 1_000_000 },
  env: { OUTBOX_ATTEMPTS: '2', OUTBOX_POLL_MS: '100', EMAIL_AUTO_RATE_PER_HOUR: '1000' },
  ownDatabase: 'failedwork',
});
let admins: Awaited<ReturnType<typeof createUser>>[];
let manager: Awaited<ReturnType<typeof createUser>>;
let customer: Awaited<ReturnType<typeof createUser>>;
let ticketId: number;
let firstRow: number;
const rest = () => restClient(api.url);

interface Notice {
  id: number;
  kind: string;
  title: string;
  body: string;
}
const alerts = async (token: string) =>
  ((await rest().get<{ items: Notice[] }>('/inbox?limit=50', token)).body.items ?? []).filter((n) => n.kind === 'outbox.failed');
const status = async (id: number) =>
  (await sql<{ status: string; attempts: number; lastError: string | null; failedAt: Date | null }>(
    'SELECT status, attempts, last_error AS lastError, failed_at AS failedAt FROM outbox_events WHERE id = ?',
    [id],
  ))[0]!;

beforeAll(async () => {
  admins = [await createUser(api.url, 'admin'), await createUser(api.url, 'admin')];
  // The bell is under test here; the alert email (failed-work-email.e2e) would fail at this SendGrid too
  // and add failed rows of its own to the counts below.
  for (const admin of admins) {
    await createApiClient({ url: api.url, token: admin.token }).inbox.updatePreferences.mutate({
      ...DEFAULT_NOTIFICATION_PREFERENCES,
      events: { ...DEFAULT_NOTIFICATION_PREFERENCES.events, failed_work: { inApp: true, email: false } },
    });
  }
  manager = await createUser(api.url, 'manager');
  customer = await createUser(api.url, 'customer', { name: 'Fay Failing' });
}, 60_000);

describe('failed background work', () => {
  it('a job that gives up fails its outbox row and alerts every active admin in the bell, not the manager', async () => {
    const { body: ticket } = await rest().post('/tickets', { subject: 'Acknowledge me', description: 'x' }, customer.token);
    ticketId = ticket.id;
    const [row] = await sql<{ id: number }>("SELECT id FROM outbox_events WHERE topic = 'ticket.created' AND JSON_EXTRACT(payload, '$.ticketId') = ?", [ticketId]);
    firstRow = Number(row!.id);

    await eventually(async () => (await status(firstRow)).status === 'failed', 20_000);
    const failed = await status(firstRow);
    expect(failed.attempts).toBe(2);
    expect(failed.lastError).toMatch(/./);
    expect(failed.failedAt).not.toBeNull();

    for (const admin of admins) {
      const mine = await eventually(async () => ((await alerts(admin.token)).length ? alerts(admin.token) : null));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.title).toBe('1 background job failed: ticket.created');
    }
    expect(await alerts(manager.token)).toHaveLength(0);
  }, 40_000);

  it(`a burst of ${BURST} more failures within the hour is still one alert per admin, saying how many failed`, async () => {
    const payload = JSON.stringify({ ticketId, subject: 'Acknowledge me', requesterEmail: customer.email, requesterName: 'Fay Failing' });
    await sql(`INSERT INTO outbox_events (topic, payload) VALUES ${Array.from({ length: BURST }, () => "('ticket.created', ?)").join(', ')}`, Array(BURST).fill(payload));
    await eventually(
      async () => {
        const [r] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_events WHERE topic = 'ticket.created' AND status = 'failed'");
        return Number(r!.n) === BURST + 1;
      },
      60_000,
    );
    for (const admin of admins) {
      const mine = await alerts(admin.token);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.title).toBe(`${BURST + 1} background jobs failed: ticket.created`);
    }
    const [throttle] = await sql<{ n: number }>('SELECT COUNT(*) AS n FROM user_notifications WHERE kind = ?', ['outbox.failed']);
    expect(Number(throttle!.n)).toBe(admins.length);
  }, 90_000);

  it('lists failed rows newest first with keyset paging and a topic filter, and counts them per topic', async () => {
    const admin = admins[0]!.token;
    const counts = await rest().get('/failed-work/counts', admin);
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({ total: BURST + 1, topics: [{ topic: 'ticket.created', count: BURST + 1 }] });

    const first = await rest().get(`/failed-work?topic=ticket.created&limit=20`, admin);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.nextCursor).toBe(String(first.body.items[19].id));
    const second = await rest().get(`/failed-work?topic=ticket.created&limit=20&cursor=${first.body.nextCursor}`, admin);
    expect(second.body.items).toHaveLength(BURST + 1 - 20);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((i: { id: number }) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(BURST + 1);

    const oldest = second.body.items.at(-1);
    expect(oldest).toMatchObject({ id: firstRow, topic: 'ticket.created', ticketId, subject: 'Acknowledge me', attempts: 2 });
    expect(oldest.lastError).toEqual(expect.any(String));
    expect(oldest.failedAt).toEqual(expect.any(String));
    expect(oldest).not.toHaveProperty('payload');

    expect((await rest().get('/failed-work?topic=sla.escalate', admin)).body.items).toEqual([]);
    const bad = await rest().get('/failed-work?topic=Not%20A%20Topic', admin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('topic');
    expect((await rest().get('/failed-work', manager.token)).status).toBe(403);
  });

  it('retry puts a row back to the relay with its attempts reset (audited), and it is processed; retrying again changes nothing', async () => {
    const admin = admins[0]!.token;
    sendgrid.failNext(0);
    const retried = await rest().post(`/failed-work/${firstRow}/retry`, {}, admin);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: firstRow, status: 'pending', changed: true });
    await eventually(async () => (await status(firstRow)).status === 'done', 20_000);
    expect(sendgrid.sent.some((m) => m.body.personalizations[0]!.to[0]!.email === customer.email)).toBe(true);
    const [audit] = await sql<{ actorId: number; before: string }>(
      "SELECT actor_id AS actorId, before_state AS `before` FROM audit_log WHERE action = 'outbox.retried' AND subject_id = ?",
      [String(firstRow)],
    );
    expect(Number(audit!.actorId)).toBe(admins[0]!.id);
    expect(JSON.stringify(audit!.before)).toContain('failed');

    const again = await rest().post(`/failed-work/${firstRow}/retry`, {}, admin);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: firstRow, status: 'done', changed: false });
    expect(again.body.message).toContain('nothing to retry');
    const [{ n }] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'outbox.retried' AND subject_id = ?", [String(firstRow)]);
    expect(Number(n)).toBe(1);
    expect((await rest().post('/failed-work/2000000000/retry', {}, admin)).status).toBe(404);
  }, 40_000);

  it('dismiss keeps the row in the outbox as dismissed, off the list and counts; a done row cannot be dismissed', async () => {
    const admin = admins[0]!.token;
    const [victim] = (await rest().get('/failed-work?limit=1', admin)).body.items;
    const dismissed = await rest().post(`/failed-work/${victim.id}/dismiss`, {}, admin);
    expect(dismissed.body).toMatchObject({ id: victim.id, status: 'dismissed', changed: true });
    expect((await status(victim.id)).status).toBe('dismissed');
    const counts = (await rest().get('/failed-work/counts', admin)).body;
    expect(counts.total).toBe(BURST - 1);
    const listed = (await rest().get('/failed-work?limit=100', admin)).body.items.map((i: { id: number }) => i.id);
    expect(listed).not.toContain(victim.id);
    expect((await rest().post(`/failed-work/${victim.id}/dismiss`, {}, admin)).body).toMatchObject({ changed: false, status: 'dismissed' });
    const refused = await rest().post(`/failed-work/${firstRow}/dismiss`, {}, admin);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('id');
    expect((await rest().post(`/failed-work/${victim.id}/dismiss`, {}, manager.token)).status).toBe(403);
  });

  it('retry all for a topic sends every failed row of it back, and they are processed', async () => {
    const admin = admins[0]!.token;
    const result = await rest().post('/failed-work/retry-topic', { topic: 'ticket.created' }, admin);
    expect(result.body).toEqual({ topic: 'ticket.created', retried: BURST - 1 });
    await eventually(
      async () => {
        const [r] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_events WHERE topic = 'ticket.created' AND status = 'done'");
        return Number(r!.n) === BURST;
      },
      30_000,
    );
    expect((await rest().get('/failed-work/counts', admin)).body).toEqual({ total: 0, topics: [] });
    expect((await rest().post('/failed-work/retry-topic', { topic: 'ticket.created' }, admin)).body).toEqual({ topic: 'ticket.created', retried: 0 });
    const [{ n }] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'outbox.topic_retried' AND subject_id = 'ticket.created'");
    expect(Number(n)).toBe(1);
  }, 40_000);

  it('an sla.escalate that gives up (another processor, another topic) is its own alert, and a new one after the hour', async () => {
    const admin = admins[0]!;
    const escalations = async () => (await alerts(admin.token)).filter((n) => n.title.endsWith(': sla.escalate'));
    // No ticket id: the escalation processor's lookup throws, which is no refusal it forgives.
    const failOne = async () => {
      await sql("INSERT INTO outbox_events (topic, payload) VALUES ('sla.escalate', ?)", [JSON.stringify({ targetId: 1 })]);
      const [{ id }] = await sql<{ id: number }>("SELECT MAX(id) AS id FROM outbox_events WHERE topic = 'sla.escalate'");
      await eventually(async () => (await status(Number(id))).status === 'failed', 20_000);
    };
    await failOne();
    expect((await escalations()).map((n) => n.title)).toEqual(['1 background job failed: sla.escalate']);
    expect((await alerts(admin.token)).filter((n) => n.title.endsWith(': ticket.created'))).toHaveLength(1);
    expect((await rest().get('/failed-work/counts', admin.token)).body).toEqual({ total: 1, topics: [{ topic: 'sla.escalate', count: 1 }] });

    await failOne();
    expect((await escalations()).map((n) => n.title)).toEqual(['2 background jobs failed: sla.escalate']);
    // An hour later the next failure is a new alert.
    await sql("UPDATE outbox_failure_alerts SET window_started_at = window_started_at - INTERVAL 61 MINUTE WHERE topic = 'sla.escalate'");
    await failOne();
    expect((await escalations()).map((n) => n.title)).toEqual(['1 background job failed: sla.escalate', '2 background jobs failed: sla.escalate']);
  }, 60_000);
});
