import { Query } from '@nestjs/cqrs';
import type { BusinessCalendar, SlaPolicy } from '@switchboard/contracts';

/** Every policy and calendar, for the admin screens and for staff who want to know the rules. */
export class ListSlaSettingsQuery extends Query<{ policies: SlaPolicy[]; calendars: BusinessCalendar[] }> {}
