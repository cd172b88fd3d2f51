import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

/** In-app notifications (the workspace bell): one row per person and thing to look at. */
export const migration: Migration = {
  name: '2026-12-01T0601-user-notifications',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE user_notifications (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        kind VARCHAR(40) NOT NULL,
        ticket_id INT UNSIGNED NULL,
        title VARCHAR(200) NOT NULL,
        body VARCHAR(1000) NOT NULL DEFAULT '',
        read_at DATETIME(3) NULL,
        ${CREATED_AT},
        KEY user_notifications_user (user_id, id),
        KEY user_notifications_unread (user_id, read_at),
        CONSTRAINT user_notifications_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT user_notifications_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['DROP TABLE user_notifications']);
  },
};
