import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/**
 * Phone calls as their own timeline entry kind ('call'), with what the call was in
 * ticket_entry_calls: direction, numbers, outcome, duration, the voicemail recording (an
 * attachment) and its transcript when it arrives. One row per call (the provider's call id is
 * unique), written in the entry's transaction; the recording and transcript are filled in later.
 */
export const migration: Migration = {
  name: '2026-12-02T0702-call-entries',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE ticket_entries MODIFY COLUMN kind ENUM('message','reply','note','event','call') NOT NULL`,
      `CREATE TABLE ticket_entry_calls (
        entry_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
        call_sid VARCHAR(64) NOT NULL,
        direction VARCHAR(10) NOT NULL,
        from_number VARCHAR(64) NOT NULL,
        to_number VARCHAR(64) NOT NULL,
        status VARCHAR(20) NOT NULL,
        duration_seconds INT UNSIGNED NOT NULL DEFAULT 0,
        recording_attachment_id BIGINT UNSIGNED NULL,
        transcription TEXT NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY ticket_entry_calls_sid (call_sid),
        CONSTRAINT ticket_entry_calls_entry_fk FOREIGN KEY (entry_id) REFERENCES ticket_entries (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE ticket_entry_calls',
      "DELETE FROM ticket_entries WHERE kind = 'call'",
      `ALTER TABLE ticket_entries MODIFY COLUMN kind ENUM('message','reply','note','event') NOT NULL`,
    ]);
  },
};
