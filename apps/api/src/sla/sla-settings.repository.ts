import { Injectable } from '@nestjs/common';
import type { SaveCalendarInput, SavePolicyInput, zSaveCalendarInput, zSavePolicyInput } from '@switchboard/contracts';
import type { z } from 'zod';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

type PolicyData = z.output<typeof zSavePolicyInput>;
type CalendarData = z.output<typeof zSaveCalendarInput>;
export type { PolicyData, CalendarData, SavePolicyInput, SaveCalendarInput };

/** Writes of SLA policies and calendars (admin screens); reads are in SlaPolicyRepository. */
@Injectable()
export class SlaSettingsRepository {
  constructor(private readonly sequelize: Sequelize) {}

  private async insertId(sql: string, replacements: unknown[], transaction: Transaction) {
    const [id] = (await this.sequelize.query(sql, { replacements, transaction, type: QueryTypes.INSERT })) as unknown as [number, number];
    return Number(id);
  }

  async exists(table: 'sla_policies' | 'business_calendars' | 'teams' | 'companies' | 'issue_types', id: number, transaction?: Transaction) {
    const rows = await this.sequelize.query(`SELECT id FROM ${table} WHERE id = ?`, { replacements: [id], type: QueryTypes.SELECT, transaction });
    return rows.length > 0;
  }

  async isStaff(userId: number, transaction?: Transaction) {
    const rows = await this.sequelize.query("SELECT id FROM users WHERE id = ? AND role IN ('agent', 'manager', 'admin')", {
      replacements: [userId],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows.length > 0;
  }

  async savePolicy(data: PolicyData, transaction: Transaction): Promise<number> {
    const values = [
      data.name,
      data.calendarId,
      data.businessTime ? 1 : 0,
      JSON.stringify(data.targets),
      JSON.stringify(data.pauseStatuses),
      data.warnPercent,
      data.escalation.raiseUrgency ? 1 : 0,
      data.escalation.teamId,
      data.escalation.assigneeId,
    ];
    let id = data.id;
    if (id) {
      await this.sequelize.query(
        `UPDATE sla_policies SET name = ?, calendar_id = ?, business_time = ?, targets = ?, pause_statuses = ?, warn_percent = ?,
           escalate_urgency = ?, escalate_team_id = ?, escalate_assignee_id = ? WHERE id = ?`,
        { replacements: [...values, id], transaction },
      );
    } else {
      id = await this.insertId(
        `INSERT INTO sla_policies (name, calendar_id, business_time, targets, pause_statuses, warn_percent, escalate_urgency,
           escalate_team_id, escalate_assignee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        values,
        transaction,
      );
    }
    await this.sequelize.query('DELETE FROM sla_policy_assignments WHERE policy_id = ?', { replacements: [id], transaction });
    for (const a of data.assignments) {
      await this.sequelize.query('INSERT INTO sla_policy_assignments (policy_id, company_id, issue_type_id) VALUES (?, ?, ?)', {
        replacements: [id, a.companyId, a.issueTypeId],
        transaction,
      });
    }
    return id;
  }

  async saveCalendar(data: CalendarData, transaction: Transaction): Promise<number> {
    let id = data.id;
    if (id) {
      await this.sequelize.query('UPDATE business_calendars SET name = ?, timezone = ?, weekly = ? WHERE id = ?', {
        replacements: [data.name, data.timezone, JSON.stringify(data.weekly), id],
        transaction,
      });
    } else {
      id = await this.insertId('INSERT INTO business_calendars (name, timezone, weekly) VALUES (?, ?, ?)', [data.name, data.timezone, JSON.stringify(data.weekly)], transaction);
    }
    await this.sequelize.query('DELETE FROM business_holidays WHERE calendar_id = ?', { replacements: [id], transaction });
    for (const h of data.holidays) {
      await this.sequelize.query('INSERT INTO business_holidays (calendar_id, day, name) VALUES (?, ?, ?)', { replacements: [id, h.date, h.name], transaction });
    }
    return id;
  }
}
