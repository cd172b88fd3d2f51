import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { KbClock } from '../../kb-clock.js';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { ListSearchMissesQuery } from './list-search-misses.query.js';

const DAY = 86_400_000;
/** The report's default period: this many days up to today. */
export const DEFAULT_MISS_DAYS = 30;

@QueryHandler(ListSearchMissesQuery)
export class ListSearchMissesHandler implements IQueryHandler<ListSearchMissesQuery> {
  constructor(
    private readonly feedback: KbFeedbackRepository,
    private readonly clock: KbClock,
  ) {}

  async execute({ actor, period }: ListSearchMissesQuery) {
    if (!actor.ability.can('read', 'KbSearchMiss')) return [];
    const today = this.clock.now().getTime();
    const to = period.to ?? new Date(today).toISOString().slice(0, 10);
    const from = period.from ?? new Date(Date.parse(to) - (DEFAULT_MISS_DAYS - 1) * DAY).toISOString().slice(0, 10);
    return this.feedback.misses({ from, to }, period.limit);
  }
}
