import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@switchboard/contracts';
import { createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

/**
 * Failed background work by email too (docs/decisions/026), through the real outbox: `sla.escalate`
 * rows that cannot run (no ticket) give up after OUTBOX_ATTEMPTS=2, each active admin's alert for the
 * topic is emailed once when it starts (through their notification preferences), and an alert email
 * that itself gives up is alerted in the bell only. Mail goes to a local SendGrid stand-in.
 */
const API_KEY = 'SG.failed-work-email';
const SUBJECT = 'Background work failed: sla.escalate';
const { api, sendgrid } = useApi({
  worker: true,
  sendgrid: { apiKey: API_KEY },
  env: { OUTBOX_ATTEMPTS: '2', OUTBOX_POLL_MS: '100', EMAIL_AUTO_RATE_PER_HOUR: '1000' },
  ownDatabase: 'fwmail',
});
type Person = Awaited<ReturnType<typeof createUser>>;
let wanting: Person;
let muted: Person;
let quiet: Person;
let manager: Person;

const clock = (d: Date) => d.toISOString().slice(11, 16);
const save = async (user: Person, change: (p: NotificationPreferences) => void) => {
  const prefs = structuredClone(DEFAULT_NOTIFICATION_PREFERENCES);
  change(prefs);
  await createApiClient({ url: api.url, token: user.token }).inbox.updatePreferences.mutate(prefs);
};
const emailsTo = (user: Person) =>
  sql<{ subject: string; status: string; error: string | null; body: string }>('SELECT subject, status, error, body FROM outbound_messages WHERE recipient = ? ORDER BY id', [user.email]);
const sentTo = (user: Person) => sendgrid.sent.filter((m) => m.body.personalizations[0]!.to[0]!.email === user.email);
const alertRows = () =>
  sql<{ id: number; status: string; recipientId: number }>(
    "SELECT id, status, JSON_EXTRACT(payload, '$.recipient.id') AS recipientId FROM outbox_events WHERE topic = 'failed_work.alert' ORDER BY id",
  );
const bell = async (user: Person) =>
  ((await restClient(api.url).get<{ items: { kind: string; title: string }[] }>('/inbox?limit=50', user.token)).body.items ?? []).filter((n) => n.kind === 'outbox.failed');
const failedCount = async (topic: string) => Number((await sql<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_events WHERE topic = ? AND status = 'failed'", [topic]))[0]!.n);

/** Inserts `n` sla.escalate rows that cannot run (no ticket id) and waits until all of them gave up. */
async function failEscalations(n: number) {
  const before = await failedCount('sla.escalate');
  await sql(`INSERT INTO outbox_events (topic, payload) VALUES ${Array.from({ length: n }, () => "('sla.escalate', ?)").join(', ')}`, Array(n).fill(JSON.stringify({ targetId: 1 })));
  await eventually(async () => (await failedCount('sla.escalate')) === before + n, 60_000);
}

beforeAll(async () => {
  wanting = await createUser(api.url, 'admin', { name: 'Wanda Wants' });
  muted = await createUser(api.url, 'admin', { name: 'Mo Muted' });
  quiet = await createUser(api.url, 'admin', { name: 'Quinn Quiet' });
  manager = await createUser(api.url, 'manager');
  await save(muted, (p) => (p.events.failed_work = { inApp: true, email: false }));
  await save(quiet, (p) => {
    p.quietHours = { enabled: true, start: clock(new Date(Date.now() - 3_600_000)), end: clock(new Date(Date.now() + 3_600_000)), timeZone: 'UTC', email: 'drop' };
  });
}, 60_000);

describe('failed background work by email', () => {
  it('a burst of failures is one email per admin who wants it: absent for email off, dropped in quiet hours, nothing for a manager', async () => {
    await failEscalations(8);
    // The alert emails were written with the first failure; wait until each was handled.
    const rows = await eventually(async () => {
      const all = await alertRows();
      return all.length > 0 && all.every((r) => r.status === 'done') ? all : null;
    }, 30_000);
    expect(rows.map((r) => Number(r.recipientId)).sort()).toEqual([wanting.id, quiet.id].sort());

    const mine = await emailsTo(wanting);
    expect(mine).toEqual([expect.objectContaining({ subject: SUBJECT, status: 'sent' })]);
    expect(mine[0]!.body).toContain('Latest error:');
    expect(sentTo(wanting)).toHaveLength(1);
    expect(sentTo(wanting)[0]!.body.subject).toBe(SUBJECT);

    // Email turned off: no email at all, but the bell still counts the whole burst.
    expect(await emailsTo(muted)).toEqual([]);
    expect(sentTo(muted)).toHaveLength(0);
    expect((await bell(muted)).map((n) => n.title)).toEqual(['8 background jobs failed: sla.escalate']);

    // Quiet hours that drop email: recorded as not sent, with the reason.
    expect(await emailsTo(quiet)).toEqual([expect.objectContaining({ subject: SUBJECT, status: 'suppressed', error: expect.stringContaining('quiet hours') })]);
    expect(sentTo(quiet)).toHaveLength(0);

    // Managers never get failed-work alerts, in the bell or by email.
    expect(await emailsTo(manager)).toEqual([]);
    expect(await bell(manager)).toEqual([]);

    // More failures within the hour: counted in the bell, no second email.
    await failEscalations(2);
    expect((await bell(wanting)).map((n) => n.title)).toEqual(['10 background jobs failed: sla.escalate']);
    expect(await alertRows()).toHaveLength(2);
    expect(await emailsTo(wanting)).toHaveLength(1);
  }, 120_000);

  it('an alert email that gives up is alerted in the bell, never by another email', async () => {
    sendgrid.failNext(1_000_000);
    // An hour later: the next failure starts a new alert, so Wanda's alert email is written again, and fails.
    await sql("UPDATE outbox_failure_alerts SET window_started_at = window_started_at - INTERVAL 61 MINUTE WHERE topic = 'sla.escalate'");
    const before = (await alertRows()).length;
    await failEscalations(1);
    const written = (await alertRows()).slice(before);
    expect(written.map((r) => Number(r.recipientId)).sort()).toEqual([wanting.id, quiet.id].sort());
    const wandas = written.find((r) => Number(r.recipientId) === wanting.id)!;

    await eventually(async () => (await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [wandas.id]))[0]!.status === 'failed', 30_000);
    // Its failure is an alert in every admin's bell; it was recorded in the same transaction as any email it would have written.
    const loop = await eventually(async () => (await bell(wanting)).find((n) => n.title.endsWith(': failed_work.alert')) ?? null);
    expect(loop.title).toBe('1 background job failed: failed_work.alert');
    expect((await bell(muted)).some((n) => n.title === '1 background job failed: failed_work.alert')).toBe(true);
    expect(await alertRows()).toHaveLength(before + 2);
    // Marked failed right after the alert is recorded (the same failure listener).
    await eventually(async () => (await emailsTo(wanting)).map((m) => m.status).join() === 'sent,failed');
    expect(sentTo(wanting)).toHaveLength(1);
  }, 120_000);
});
