import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BusinessCalendar, SlaPolicy } from '@switchboard/contracts';
import { SlaSettings } from '../../sla-settings.js';
import { SlaPolicyRepository } from '../../sla-policy.repository.js';
import { ListSlaSettingsQuery } from './list-sla-settings.query.js';

@QueryHandler(ListSlaSettingsQuery)
export class ListSlaSettingsHandler implements IQueryHandler<ListSlaSettingsQuery, { policies: SlaPolicy[]; calendars: BusinessCalendar[] }> {
  constructor(
    private readonly settings: SlaSettings,
    private readonly repo: SlaPolicyRepository,
  ) {}

  async execute() {
    const [policies, calendars] = await Promise.all([this.settings.policies(), this.repo.calendars()]);
    return { policies, calendars };
  }
}
