import { QueryTypes, type Sequelize } from 'sequelize';
import type { Migration } from '../migration.js';

/**
 * One shape for outbound_messages (decision 029). The email and the Twilio slices each added their own
 * columns for the same things; now:
 * - provider_message_id: the provider's id of the message, per channel (SendGrid's X-Message-Id for
 *   email, Twilio's message/call sid for sms, whatsapp, phone), unique per (id, channel);
 *   replaces provider_id (email) and provider_sid (Twilio).
 * - error: why we did not send, or why the last attempt failed (our side);
 *   delivery_error: why the provider or the recipient's side failed it (a Twilio ErrorCode, a SendGrid
 *   bounce/drop reason, a DSN's diagnostic). Email kept bounce reasons in `error`, Twilio kept its
 *   "not sent" reasons in `delivery_error`: both are moved to their column.
 * - delivery_updated_at: when delivery_status last moved; replaces delivery_at (email).
 *
 * DDL commits on its own in MySQL and MariaDB, so every step checks the schema (information_schema,
 * which both answer alike) or only touches rows not done yet: a run that stopped halfway can be run
 * again. No `IF [NOT] EXISTS` on columns and keys: MySQL 8 does not accept it.
 */
const TABLE = 'outbound_messages';

async function hasColumn(sequelize: Sequelize, column: string) {
  const rows = await sequelize.query(
    'SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?',
    { replacements: [TABLE, column], type: QueryTypes.SELECT },
  );
  return rows.length > 0;
}

async function hasKey(sequelize: Sequelize, key: string) {
  const rows = await sequelize.query(
    'SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?',
    { replacements: [TABLE, key], type: QueryTypes.SELECT },
  );
  return rows.length > 0;
}

type Step = (sequelize: Sequelize) => Promise<void>;

/** The steps of `up`, in order; each one can run again (exported so a test can stop halfway). */
export const upSteps: Step[] = [
  async (s) => {
    if (!(await hasColumn(s, 'provider_message_id'))) {
      await s.query(`ALTER TABLE ${TABLE} ADD COLUMN provider_message_id VARCHAR(100) NULL AFTER message_id`);
    }
  },
  // SendGrid gives one X-Message-Id per API request and we make one request per row, so ids do not
  // repeat; should old rows share one, the Event Webhook only ever found the first (ORDER BY id), so the
  // later rows lose an id nothing could reach. Done on the old column, before copying, so that a copy
  // run again after the unique key exists finds no duplicate to copy.
  async (s) => {
    if (!(await hasColumn(s, 'provider_id'))) return;
    const dupes = await s.query<{ id: number }>(
      `SELECT m.id FROM ${TABLE} m
         JOIN (SELECT provider_id, MIN(id) AS first_id FROM ${TABLE}
                WHERE provider_id IS NOT NULL AND channel = 'email' GROUP BY provider_id HAVING COUNT(*) > 1) d
           ON d.provider_id = m.provider_id AND m.channel = 'email' AND m.id > d.first_id`,
      { type: QueryTypes.SELECT },
    );
    if (dupes.length) await s.query(`UPDATE ${TABLE} SET provider_id = NULL WHERE id IN (:ids)`, { replacements: { ids: dupes.map((d) => d.id) } });
  },
  async (s) => {
    if (await hasColumn(s, 'provider_sid')) {
      await s.query(
        `UPDATE ${TABLE} SET provider_message_id = provider_sid WHERE provider_message_id IS NULL AND provider_sid IS NOT NULL AND channel <> 'email'`,
      );
    }
  },
  async (s) => {
    if (await hasColumn(s, 'provider_id')) {
      await s.query(
        `UPDATE ${TABLE} SET provider_message_id = provider_id WHERE provider_message_id IS NULL AND provider_id IS NOT NULL AND channel = 'email'`,
      );
    }
  },
  async (s) => {
    if (!(await hasKey(s, 'outbound_messages_provider_message'))) {
      await s.query(`ALTER TABLE ${TABLE} ADD UNIQUE KEY outbound_messages_provider_message (provider_message_id, channel)`);
    }
  },
  // Long enough for a bounce's reason (email kept up to 4000 characters in `error`).
  async (s) => {
    await s.query(`ALTER TABLE ${TABLE} MODIFY COLUMN delivery_error TEXT NULL`);
  },
  // Email: the reason of a bounce or drop (Event Webhook or DSN) is a delivery error.
  async (s) => {
    await s.query(
      `UPDATE ${TABLE} SET delivery_error = error, error = NULL
        WHERE channel = 'email' AND status IN ('bounced', 'dropped') AND error IS NOT NULL AND delivery_error IS NULL`,
    );
  },
  // Twilio: a reason on a message Twilio never took (no sid: blocked, no phone number) is ours.
  async (s) => {
    await s.query(
      `UPDATE ${TABLE} SET error = delivery_error, delivery_error = NULL
        WHERE channel <> 'email' AND provider_message_id IS NULL AND delivery_error IS NOT NULL AND error IS NULL`,
    );
  },
  async (s) => {
    if (await hasColumn(s, 'delivery_at')) {
      await s.query(`UPDATE ${TABLE} SET delivery_updated_at = delivery_at WHERE delivery_updated_at IS NULL AND delivery_at IS NOT NULL`);
    }
  },
  async (s) => {
    if (await hasKey(s, 'outbound_messages_provider_sid')) await s.query(`ALTER TABLE ${TABLE} DROP KEY outbound_messages_provider_sid`);
  },
  async (s) => {
    if (await hasKey(s, 'outbound_messages_provider_id')) await s.query(`ALTER TABLE ${TABLE} DROP KEY outbound_messages_provider_id`);
  },
  async (s) => {
    for (const column of ['provider_sid', 'provider_id', 'delivery_at']) {
      if (await hasColumn(s, column)) await s.query(`ALTER TABLE ${TABLE} DROP COLUMN ${column}`);
    }
  },
];

export const migration: Migration = {
  name: '2026-12-05T0401-one-outbound-message-shape',
  async up({ sequelize }) {
    for (const step of upSteps) await step(sequelize);
  },
  async down({ sequelize }) {
    const s = sequelize;
    if (!(await hasColumn(s, 'provider_sid'))) await s.query(`ALTER TABLE ${TABLE} ADD COLUMN provider_sid VARCHAR(64) NULL`);
    if (!(await hasColumn(s, 'provider_id'))) await s.query(`ALTER TABLE ${TABLE} ADD COLUMN provider_id VARCHAR(100) NULL`);
    if (!(await hasColumn(s, 'delivery_at'))) await s.query(`ALTER TABLE ${TABLE} ADD COLUMN delivery_at DATETIME(3) NULL`);
    if (await hasColumn(s, 'provider_message_id')) {
      await s.query(`UPDATE ${TABLE} SET provider_sid = LEFT(provider_message_id, 64) WHERE channel <> 'email' AND provider_sid IS NULL`);
      await s.query(`UPDATE ${TABLE} SET provider_id = provider_message_id WHERE channel = 'email' AND provider_id IS NULL`);
    }
    await s.query(`UPDATE ${TABLE} SET delivery_at = delivery_updated_at, delivery_updated_at = NULL WHERE channel = 'email' AND delivery_updated_at IS NOT NULL`);
    await s.query(`UPDATE ${TABLE} SET error = delivery_error, delivery_error = NULL WHERE channel = 'email' AND delivery_error IS NOT NULL`);
    await s.query(`UPDATE ${TABLE} SET delivery_error = error, error = NULL WHERE channel <> 'email' AND error IS NOT NULL AND delivery_error IS NULL`);
    await s.query(`UPDATE ${TABLE} SET delivery_error = LEFT(delivery_error, 255) WHERE CHAR_LENGTH(delivery_error) > 255`);
    await s.query(`ALTER TABLE ${TABLE} MODIFY COLUMN delivery_error VARCHAR(255) NULL`);
    if (!(await hasKey(s, 'outbound_messages_provider_sid'))) await s.query(`ALTER TABLE ${TABLE} ADD UNIQUE KEY outbound_messages_provider_sid (provider_sid)`);
    if (!(await hasKey(s, 'outbound_messages_provider_id'))) await s.query(`ALTER TABLE ${TABLE} ADD KEY outbound_messages_provider_id (provider_id)`);
    if (await hasKey(s, 'outbound_messages_provider_message')) await s.query(`ALTER TABLE ${TABLE} DROP KEY outbound_messages_provider_message`);
    if (await hasColumn(s, 'provider_message_id')) await s.query(`ALTER TABLE ${TABLE} DROP COLUMN provider_message_id`);
  },
};
