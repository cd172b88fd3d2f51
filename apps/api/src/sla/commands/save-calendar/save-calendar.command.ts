import { Command } from '@nestjs/cqrs';
import type { BusinessCalendar } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';
import type { CalendarData } from '../../sla-settings.repository.js';

/** Creates or changes a business-hours calendar with its weekly spans and holidays. */
export class SaveCalendarCommand extends Command<BusinessCalendar> {
  constructor(
    readonly actor: Actor,
    readonly input: CalendarData,
  ) {
    super();
  }
}
