import { CREATED_AT, TABLE_OPTIONS, UPDATED_AT, runStatements, type Migration } from '../migration.js';

const MIN = 1;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LEVELS = ['critical', 'high', 'medium', 'low'] as const;

/**
 * The default policy's targets (first response / resolution) per urgency x importance, as the SLA issue
 * gives them. Not in that table: high urgency with medium or low importance, set to 4 h / 2 days (between
 * high+high and medium). Next response defaults to the first-response target. Minutes of counted time.
 */
function defaultTarget(urgency: string, importance: string): [number, number] {
  if (urgency === 'critical') {
    if (importance === 'critical') return [15 * MIN, 2 * HOUR];
    if (importance === 'high') return [30 * MIN, 4 * HOUR];
    return [1 * HOUR, 8 * HOUR];
  }
  if (urgency === 'high') {
    if (importance === 'critical') return [1 * HOUR, 4 * HOUR];
    if (importance === 'high') return [2 * HOUR, 1 * DAY];
    return [4 * HOUR, 2 * DAY];
  }
  if (urgency === 'medium') return [8 * HOUR, 3 * DAY];
  return [24 * HOUR, 7 * DAY];
}

export const DEFAULT_SLA_TARGETS = LEVELS.flatMap((urgency) =>
  LEVELS.map((importance) => {
    const [first, resolution] = defaultTarget(urgency, importance);
    return { urgency, importance, firstResponseMinutes: first, nextResponseMinutes: first, resolutionMinutes: resolution };
  }),
);

const ALWAYS = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));

export const migration: Migration = {
  name: '2026-12-01T0101-sla',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      // Business-hours calendars: weekly spans [{day 1-7, start 'HH:mm', end 'HH:mm'}] in the calendar's zone.
      `CREATE TABLE business_calendars (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(80) NOT NULL,
        timezone VARCHAR(64) NOT NULL,
        weekly JSON NOT NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY business_calendars_name (name)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE business_holidays (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        calendar_id INT UNSIGNED NOT NULL,
        day DATE NOT NULL,
        name VARCHAR(120) NOT NULL DEFAULT '',
        UNIQUE KEY business_holidays_day (calendar_id, day),
        CONSTRAINT business_holidays_calendar_fk FOREIGN KEY (calendar_id) REFERENCES business_calendars (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // targets: [{urgency, importance, firstResponseMinutes, nextResponseMinutes, resolutionMinutes}];
      // pause_statuses: the statuses that stop the resolution clock.
      `CREATE TABLE sla_policies (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(80) NOT NULL,
        calendar_id INT UNSIGNED NOT NULL,
        business_time TINYINT(1) NOT NULL DEFAULT 0,
        targets JSON NOT NULL,
        pause_statuses JSON NOT NULL,
        warn_percent TINYINT UNSIGNED NOT NULL DEFAULT 75,
        escalate_urgency TINYINT(1) NOT NULL DEFAULT 0,
        escalate_team_id INT UNSIGNED NULL,
        escalate_assignee_id INT UNSIGNED NULL,
        is_default TINYINT(1) NOT NULL DEFAULT 0,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY sla_policies_name (name),
        CONSTRAINT sla_policies_calendar_fk FOREIGN KEY (calendar_id) REFERENCES business_calendars (id),
        CONSTRAINT sla_policies_team_fk FOREIGN KEY (escalate_team_id) REFERENCES teams (id) ON DELETE SET NULL,
        CONSTRAINT sla_policies_assignee_fk FOREIGN KEY (escalate_assignee_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      // Which policy applies where: company + issue type beats company, company beats issue type, and the
      // default policy covers the rest. Uniqueness over nullable columns is checked by the API.
      `CREATE TABLE sla_policy_assignments (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        policy_id INT UNSIGNED NOT NULL,
        company_id INT UNSIGNED NULL,
        issue_type_id INT UNSIGNED NULL,
        ${CREATED_AT},
        KEY sla_policy_assignments_company (company_id, issue_type_id),
        KEY sla_policy_assignments_type (issue_type_id),
        CONSTRAINT sla_assignments_policy_fk FOREIGN KEY (policy_id) REFERENCES sla_policies (id) ON DELETE CASCADE,
        CONSTRAINT sla_assignments_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
        CONSTRAINT sla_assignments_type_fk FOREIGN KEY (issue_type_id) REFERENCES issue_types (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // Per ticket: the policy in force, why, and the earliest running due time (the queue's "due" sort).
      `CREATE TABLE ticket_slas (
        ticket_id INT UNSIGNED NOT NULL PRIMARY KEY,
        policy_id INT UNSIGNED NOT NULL,
        reason VARCHAR(255) NOT NULL,
        next_due_at DATETIME(3) NULL,
        ${UPDATED_AT},
        KEY ticket_slas_next_due (next_due_at),
        CONSTRAINT ticket_slas_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_slas_policy_fk FOREIGN KEY (policy_id) REFERENCES sla_policies (id)
      ) ${TABLE_OPTIONS}`,
      // One row per target: first_response and resolution once (seq 0), next_response once per customer
      // message awaiting an answer (seq 1, 2, ...). active_due_at / active_warn_at are due_at / warn_at
      // while the target runs (not met, not paused; warn also not yet warned), NULL otherwise: the queue's
      // "Overdue"/"Due soon" filters and the reconciliation job are index ranges over them.
      `CREATE TABLE ticket_sla_targets (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        ticket_id INT UNSIGNED NOT NULL,
        metric ENUM('first_response','next_response','resolution') NOT NULL,
        seq SMALLINT UNSIGNED NOT NULL DEFAULT 0,
        policy_id INT UNSIGNED NOT NULL,
        target_minutes INT UNSIGNED NOT NULL,
        started_at DATETIME(3) NOT NULL,
        due_at DATETIME(3) NOT NULL,
        warn_at DATETIME(3) NOT NULL,
        paused_at DATETIME(3) NULL,
        paused_ms BIGINT UNSIGNED NOT NULL DEFAULT 0,
        active_due_at DATETIME(3) NULL,
        active_warn_at DATETIME(3) NULL,
        warned_at DATETIME(3) NULL,
        met_at DATETIME(3) NULL,
        breached_at DATETIME(3) NULL,
        ${CREATED_AT},
        ${UPDATED_AT},
        UNIQUE KEY ticket_sla_targets_metric (ticket_id, metric, seq),
        KEY ticket_sla_targets_active_due (active_due_at, ticket_id),
        KEY ticket_sla_targets_breach (breached_at, active_due_at),
        KEY ticket_sla_targets_warn (active_warn_at),
        KEY ticket_sla_targets_due (due_at),
        CONSTRAINT ticket_sla_targets_ticket_fk FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
        CONSTRAINT ticket_sla_targets_policy_fk FOREIGN KEY (policy_id) REFERENCES sla_policies (id)
      ) ${TABLE_OPTIONS}`,
      // Warnings and breaches per recipient, for the in-app feed that comes later (email goes via the outbox).
      `CREATE TABLE sla_notifications (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        target_id BIGINT UNSIGNED NOT NULL,
        ticket_id INT UNSIGNED NOT NULL,
        kind ENUM('warning','breach') NOT NULL,
        recipient_id INT UNSIGNED NOT NULL,
        read_at DATETIME(3) NULL,
        ${CREATED_AT},
        UNIQUE KEY sla_notifications_once (target_id, kind, recipient_id),
        KEY sla_notifications_recipient (recipient_id, read_at, created_at),
        CONSTRAINT sla_notifications_target_fk FOREIGN KEY (target_id) REFERENCES ticket_sla_targets (id) ON DELETE CASCADE,
        CONSTRAINT sla_notifications_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // Whether the portal tells this company's customers when to expect an answer.
      `ALTER TABLE companies ADD COLUMN show_sla_to_customers TINYINT(1) NOT NULL DEFAULT 0`,
      `INSERT INTO business_calendars (name, timezone, weekly) VALUES ('24/7', 'UTC', '${JSON.stringify(ALWAYS)}')`,
      `INSERT INTO sla_policies (name, calendar_id, business_time, targets, pause_statuses, warn_percent, is_default)
       SELECT 'Default', id, 0, '${JSON.stringify(DEFAULT_SLA_TARGETS)}', '["waiting_on_customer","on_hold"]', 75, 1
       FROM business_calendars WHERE name = '24/7'`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'ALTER TABLE companies DROP COLUMN show_sla_to_customers',
      'DROP TABLE sla_notifications',
      'DROP TABLE ticket_sla_targets',
      'DROP TABLE ticket_slas',
      'DROP TABLE sla_policy_assignments',
      'DROP TABLE sla_policies',
      'DROP TABLE business_holidays',
      'DROP TABLE business_calendars',
    ]);
  },
};
