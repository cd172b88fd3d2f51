import { Injectable } from '@nestjs/common';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { BusinessHours, OpeningSpan } from './business-time.js';
import type { PolicyRecord } from './policy-selection.js';
import { json, select } from './sla-sql.js';

/** Reads of SLA policies (with their assignments) and business calendars (with their holidays); writes are in SlaSettingsRepository. */
@Injectable()
export class SlaPolicyRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async policies(transaction?: Transaction): Promise<PolicyRecord[]> {
    const rows = await select<Record<string, unknown>>(
      this.sequelize,
      `SELECT id, name, calendar_id AS calendarId, business_time AS businessTime, targets, pause_statuses AS pauseStatuses,
              warn_percent AS warnPercent, escalate_urgency AS escalateUrgency, escalate_team_id AS escalateTeamId,
              escalate_assignee_id AS escalateAssigneeId, is_default AS isDefault
       FROM sla_policies ORDER BY id`,
      [],
      transaction,
    );
    const assignments = await select<{ policyId: number; companyId: number | null; issueTypeId: number | null }>(
      this.sequelize,
      'SELECT policy_id AS policyId, company_id AS companyId, issue_type_id AS issueTypeId FROM sla_policy_assignments ORDER BY id',
      [],
      transaction,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      calendarId: Number(r.calendarId),
      businessTime: Boolean(Number(r.businessTime)),
      targets: json(r.targets),
      pauseStatuses: json(r.pauseStatuses),
      warnPercent: Number(r.warnPercent),
      escalateUrgency: Boolean(Number(r.escalateUrgency)),
      escalateTeamId: r.escalateTeamId === null ? null : Number(r.escalateTeamId),
      escalateAssigneeId: r.escalateAssigneeId === null ? null : Number(r.escalateAssigneeId),
      isDefault: Boolean(Number(r.isDefault)),
      assignments: assignments
        .filter((a) => Number(a.policyId) === Number(r.id))
        .map((a) => ({ companyId: a.companyId === null ? null : Number(a.companyId), issueTypeId: a.issueTypeId === null ? null : Number(a.issueTypeId) })),
    }));
  }

  async calendars(transaction?: Transaction) {
    const rows = await select<{ id: number; name: string; timezone: string; weekly: unknown }>(
      this.sequelize,
      'SELECT id, name, timezone, weekly FROM business_calendars ORDER BY id',
      [],
      transaction,
    );
    const holidays = await select<{ calendarId: number; day: string | Date; name: string }>(
      this.sequelize,
      "SELECT calendar_id AS calendarId, DATE_FORMAT(day, '%Y-%m-%d') AS day, name FROM business_holidays ORDER BY day",
      [],
      transaction,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      timezone: r.timezone,
      weekly: json<OpeningSpan[]>(r.weekly),
      holidays: holidays.filter((h) => Number(h.calendarId) === Number(r.id)).map((h) => ({ date: String(h.day), name: h.name })),
    }));
  }

  async hours(calendarId: number, transaction?: Transaction): Promise<BusinessHours> {
    const calendar = (await this.calendars(transaction)).find((c) => c.id === calendarId);
    if (!calendar) throw new Error(`business calendar #${calendarId} is missing`);
    return { timezone: calendar.timezone, weekly: calendar.weekly, holidays: calendar.holidays.map((h) => h.date) };
  }
}
