import { connect, dropDatabase, migrateDown, migrateUp, parseDatabaseUrl } from '@switchboard/migrations';
import mysql from 'mysql2/promise';
import { upSteps } from '../../prisma-free-migrations/src/migrations/2026-12-05T0401-one-outbound-message-shape.js';

/**
 * Decision 029: outbound_messages' parallel columns become one shape. Rows written in the old shape (by
 * the email and the Twilio code before it) read the same on the timeline's delivery badge and on the
 * workspace's Outbox page after the migration; a run that stopped halfway completes when run again;
 * down brings the old shape back with its data.
 */
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `${url.pathname}_outcols_mig`;
const databaseUrl = url.toString();
const NAME = '2026-12-05T0401-one-outbound-message-shape';

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = await mysql.createConnection(databaseUrl);
  try {
    const [rows] = await c.query(sql, params);
    return rows as T[];
  } finally {
    await c.end();
  }
}

const columns = async () => (await query<{ name: string }>(
  "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'outbound_messages'",
)).map((r) => r.name);

/** What the timeline's badge (status, error, time) and the Outbox page (status, delivery status) read, per row. */
const OLD_VIEW = `SELECT recipient, status, delivery_status AS deliveryStatus,
  IF(status IN ('bounced', 'dropped', 'failed'), status, COALESCE(delivery_status, status)) AS badge,
  COALESCE(delivery_error, error) AS badgeError, COALESCE(delivery_updated_at, delivery_at, created_at) AS badgeAt
  FROM outbound_messages ORDER BY id`;
const NEW_VIEW = `SELECT recipient, status, delivery_status AS deliveryStatus,
  IF(status IN ('bounced', 'dropped', 'failed'), status, COALESCE(delivery_status, status)) AS badge,
  COALESCE(delivery_error, error) AS badgeError, COALESCE(delivery_updated_at, created_at) AS badgeAt
  FROM outbound_messages ORDER BY id`;

const at = (s: string) => new Date(`2026-12-01T10:00:${s}.000Z`);

async function seedOldShape() {
  const insert = (row: Record<string, unknown>) =>
    query(`INSERT INTO outbound_messages (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`, Object.values(row));
  const base = { body: 'x', created_at: at('00') };
  await insert({ ...base, channel: 'email', recipient: 'sent@x.test', status: 'sent', provider_id: 'sg-1', delivery_status: 'delivered', delivery_at: at('05'), ticket_entry_id: 11 });
  await insert({ ...base, channel: 'email', recipient: 'bounced@x.test', status: 'bounced', provider_id: 'sg-2', delivery_status: 'bounced', delivery_at: at('06'), error: '550 mailbox full' });
  await insert({ ...base, channel: 'email', recipient: 'dsn@x.test', status: 'bounced', error: '5.1.1 user unknown' });
  await insert({ ...base, channel: 'email', recipient: 'held@x.test', status: 'suppressed', error: 'the recipient sent an auto-reply' });
  // A second row with an id the Event Webhook already found on the first (it only ever read the first).
  await insert({ ...base, channel: 'email', recipient: 'again@x.test', status: 'sent', provider_id: 'sg-1' });
  await insert({ ...base, channel: 'sms', recipient: '+15550001', status: 'sent', provider_sid: 'SM1', delivery_status: 'undelivered', delivery_error: 'Twilio error 30003: Unreachable', delivery_updated_at: at('07') });
  await insert({ ...base, channel: 'sms', recipient: '+15550002', status: 'blocked', delivery_error: 'the number opted out (STOP)' });
  await insert({ ...base, channel: 'phone', recipient: '+15550003', status: 'sent', provider_sid: 'CA1', delivery_status: 'queued', delivery_updated_at: at('08') });
}

describe('migration 029: one outbound message shape', () => {
  afterAll(() => dropDatabase(parseDatabaseUrl(databaseUrl)));

  it('moves old rows into one shape that reads the same, completes after stopping halfway, and goes back down', async () => {
    await migrateUp({ databaseUrl });
    expect(await migrateDown({ databaseUrl })).toEqual([NAME]);
    expect(await columns()).toEqual(expect.arrayContaining(['provider_sid', 'provider_id', 'delivery_at']));
    await seedOldShape();
    const before = await query(OLD_VIEW);

    // Stopped after the unique key was added: the old columns are still there, and the runner starts over.
    const sequelize = connect(parseDatabaseUrl(databaseUrl));
    try {
      for (const step of upSteps.slice(0, 6)) await step(sequelize);
    } finally {
      await sequelize.close();
    }
    expect(await migrateUp({ databaseUrl })).toEqual([NAME]);

    const cols = await columns();
    expect(cols).toEqual(expect.arrayContaining(['provider_message_id', 'delivery_error', 'error', 'delivery_updated_at', 'delivery_status', 'status']));
    expect(cols.filter((c) => ['provider_sid', 'provider_id', 'delivery_at'].includes(c))).toEqual([]);
    expect(await query(NEW_VIEW)).toEqual(before);

    const rows = await query<{ recipient: string; provider_message_id: string | null; error: string | null; delivery_error: string | null }>(
      'SELECT recipient, provider_message_id, error, delivery_error FROM outbound_messages ORDER BY id',
    );
    expect(rows).toEqual([
      { recipient: 'sent@x.test', provider_message_id: 'sg-1', error: null, delivery_error: null },
      { recipient: 'bounced@x.test', provider_message_id: 'sg-2', error: null, delivery_error: '550 mailbox full' },
      { recipient: 'dsn@x.test', provider_message_id: null, error: null, delivery_error: '5.1.1 user unknown' },
      { recipient: 'held@x.test', provider_message_id: null, error: 'the recipient sent an auto-reply', delivery_error: null },
      { recipient: 'again@x.test', provider_message_id: null, error: null, delivery_error: null },
      { recipient: '+15550001', provider_message_id: 'SM1', error: null, delivery_error: 'Twilio error 30003: Unreachable' },
      { recipient: '+15550002', provider_message_id: null, error: 'the number opted out (STOP)', delivery_error: null },
      { recipient: '+15550003', provider_message_id: 'CA1', error: null, delivery_error: null },
    ]);

    // One provider id per channel.
    await expect(query("INSERT INTO outbound_messages (channel, recipient, body, status, provider_message_id) VALUES ('sms', '+15550009', 'x', 'sent', 'SM1')")).rejects.toThrow(/Duplicate/);

    // Down: the old columns come back with their data, and the badge still reads the same.
    expect(await migrateDown({ databaseUrl })).toEqual([NAME]);
    expect(await query(OLD_VIEW)).toEqual(before);
    expect(await query('SELECT provider_id, provider_sid FROM outbound_messages WHERE provider_id IS NOT NULL OR provider_sid IS NOT NULL ORDER BY id')).toEqual([
      { provider_id: 'sg-1', provider_sid: null },
      { provider_id: 'sg-2', provider_sid: null },
      { provider_id: null, provider_sid: 'SM1' },
      { provider_id: null, provider_sid: 'CA1' },
    ]);
    expect(await migrateUp({ databaseUrl })).toEqual([NAME]);
    expect(await query(NEW_VIEW)).toEqual(before);
  }, 180_000);
});
