import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { BusinessCalendar } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { DomainError } from '../../../common/domain-error.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { calendarProblems } from '../../business-time.js';
import { SlaErrors } from '../../sla.errors.js';
import { SlaPolicyRepository } from '../../sla-policy.repository.js';
import { SlaSettingsRepository } from '../../sla-settings.repository.js';
import { SaveCalendarCommand } from './save-calendar.command.js';

/** Saves a calendar; open tickets under a policy counted on it get their pending due times recomputed (outbox `sla.recompute`). */
@CommandHandler(SaveCalendarCommand)
export class SaveCalendarHandler implements ICommandHandler<SaveCalendarCommand, BusinessCalendar> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly writes: SlaSettingsRepository,
    private readonly reads: SlaPolicyRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute({ actor, input }: SaveCalendarCommand): Promise<BusinessCalendar> {
    if (actor.ability.cannot('manage', 'SlaPolicy')) throw new DomainError('forbidden', 'SLA_FORBIDDEN', 'Only admins may change business calendars');
    if (input.id && !(await this.writes.exists('business_calendars', input.id))) throw SlaErrors.calendarNotFound(input.id, 'id');
    const [problem] = calendarProblems({ timezone: input.timezone, weekly: input.weekly, holidays: input.holidays.map((h) => h.date) });
    if (problem) throw SlaErrors.invalidCalendar(problem.field, problem.message);
    const dates = input.holidays.map((h) => h.date);
    const twice = dates.findIndex((d, i) => dates.indexOf(d) !== i);
    if (twice >= 0) throw SlaErrors.invalidCalendar(`holidays.${twice}`, `${dates[twice]} is listed twice`);
    try {
      const id = await this.sequelize.transaction(async (transaction) => {
        const saved = await this.writes.saveCalendar(input, transaction);
        await this.audit.record(actor, { action: input.id ? 'sla.calendar_changed' : 'sla.calendar_created', subjectType: 'BusinessCalendar', subjectId: saved, after: input }, transaction);
        if (input.id) await this.outbox.append('sla.recompute', { reason: `calendar #${saved} saved`, calendarId: saved }, transaction);
        return saved;
      });
      return (await this.reads.calendars()).find((c) => c.id === id)!;
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw SlaErrors.nameTaken(input.name);
      throw error;
    }
  }
}
