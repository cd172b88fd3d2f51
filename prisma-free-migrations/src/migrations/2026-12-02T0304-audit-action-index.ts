import { runStatements, type Migration } from '../migration.js';

/** The admins' security log reads the audit trail by action, newest first: (action, id) serves it without a full scan. */
export const migration: Migration = {
  name: '2026-12-02T0304-audit-action-index',
  async up({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE audit_log ADD KEY audit_log_action (action, id)']);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, ['ALTER TABLE audit_log DROP KEY audit_log_action']);
  },
};
