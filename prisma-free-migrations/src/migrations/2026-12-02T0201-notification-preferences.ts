import { TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

/** Per-user notification preferences (events x channels, quiet hours) as one validated JSON document. */
export const migration: Migration = {
  name: '2026-12-02T0201-notification-preferences',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE notification_preferences (
        user_id INT UNSIGNED NOT NULL PRIMARY KEY,
        preferences TEXT NOT NULL,
        ${UPDATED_AT},
        CONSTRAINT notification_preferences_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE notification_preferences']);
  },
};
