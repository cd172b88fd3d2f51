import { runStatements, type Migration } from '../migration.js';

/**
 * The queue's "due" sort as a column on tickets: the earliest running SLA due time (ticket_slas.next_due_at),
 * or 9999-12-31 when nothing runs, so tickets without one sort last in an ascending index walk. Before, the
 * sort was a correlated lookup per row into ticket_slas, sorted in memory: about a second per page at
 * 50,000 tickets. `(sla_due_at)` serves "all, due soonest" (InnoDB appends the id, the tie-break);
 * `(assignee_id, sla_due_at)` serves "mine, due soonest". Written by the sla module with the SLA itself.
 */
export const migration: Migration = {
  name: '2026-12-02T0401-ticket-sla-due-sort',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE tickets
        ADD COLUMN sla_due_at DATETIME(3) NOT NULL DEFAULT '9999-12-31 23:59:59.000',
        ADD KEY tickets_sla_due (sla_due_at),
        ADD KEY tickets_assignee_sla_due (assignee_id, sla_due_at)`,
      // updated_at = updated_at: the backfill is not a change anyone made to the ticket.
      `UPDATE tickets t JOIN ticket_slas s ON s.ticket_id = t.id
       SET t.sla_due_at = s.next_due_at, t.updated_at = t.updated_at
       WHERE s.next_due_at IS NOT NULL`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      `ALTER TABLE tickets
        DROP KEY tickets_assignee_sla_due,
        DROP KEY tickets_sla_due,
        DROP COLUMN sla_due_at`,
    ]);
  },
};
