import { TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/**
 * Failed background work (docs/decisions/023): an outbox row that gave up records when (failed_at),
 * and an admin can dismiss it (status `dismissed`, dismissed_at) instead of retrying it; the admin page
 * lists and counts failed rows per topic (outbox_events_failed). outbox_failure_alerts throttles the
 * admins' alert: one row per topic and admin, locked by the transaction that marks a row failed, so two
 * workers never both raise an alert within the hour (the second adds its count to the first's).
 */
export const migration: Migration = {
  name: '2026-12-03T0201-failed-background-work',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE outbox_events
        MODIFY COLUMN status ENUM('pending','queued','done','failed','dismissed') NOT NULL DEFAULT 'pending',
        ADD COLUMN failed_at DATETIME(3) NULL,
        ADD COLUMN dismissed_at DATETIME(3) NULL,
        ADD KEY outbox_events_failed (status, topic, id)`,
      "UPDATE outbox_events SET failed_at = COALESCE(queued_at, created_at) WHERE status = 'failed'",
      `CREATE TABLE outbox_failure_alerts (
        topic VARCHAR(80) NOT NULL,
        user_id INT UNSIGNED NOT NULL,
        window_started_at DATETIME(3) NOT NULL,
        failures INT UNSIGNED NOT NULL DEFAULT 0,
        notification_id BIGINT UNSIGNED NULL,
        PRIMARY KEY (topic, user_id),
        CONSTRAINT outbox_failure_alerts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE outbox_failure_alerts',
      "UPDATE outbox_events SET status = 'failed' WHERE status = 'dismissed'",
      `ALTER TABLE outbox_events
        DROP KEY outbox_events_failed,
        DROP COLUMN dismissed_at,
        DROP COLUMN failed_at,
        MODIFY COLUMN status ENUM('pending','queued','done','failed') NOT NULL DEFAULT 'pending'`,
    ]);
  },
};
