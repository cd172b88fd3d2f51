import { runStatements, type Migration } from '../migration.js';

/**
 * Indexes whose order matches the queue's ORDER BY (sort key, then id: InnoDB appends the primary
 * key to every secondary index), found with `npm run bench:queue` over a million tickets:
 * sorting by priority, and filtering by urgency or importance while sorting by age, sorted in memory.
 */
export const migration: Migration = {
  name: '2026-11-22T0020-queue-sort-indexes',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE tickets
        DROP KEY tickets_priority_created,
        ADD KEY tickets_priority (priority),
        ADD KEY tickets_urgency_created (urgency, created_at),
        ADD KEY tickets_importance_created (importance, created_at),
        ADD KEY tickets_assignee_created (assignee_id, created_at)`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE tickets
        DROP KEY tickets_priority,
        DROP KEY tickets_urgency_created,
        DROP KEY tickets_importance_created,
        DROP KEY tickets_assignee_created,
        ADD KEY tickets_priority_created (priority, created_at)`,
    ]);
  },
};
