import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FailedWorkErrors } from '../../failed-work.errors.js';
import { FailedWorkRepository } from '../../failed-work.repository.js';
import { CountFailedWorkQuery } from './count-failed-work.query.js';

/** Failed rows per topic, most first (the page's head and the workspace nav's badge). */
@QueryHandler(CountFailedWorkQuery)
export class CountFailedWorkHandler implements IQueryHandler<CountFailedWorkQuery> {
  constructor(private readonly failures: FailedWorkRepository) {}

  async execute({ actor }: CountFailedWorkQuery) {
    if (actor.ability.cannot('read', 'FailedWork')) throw FailedWorkErrors.forbidden('see failed background work');
    const topics = await this.failures.countsByTopic();
    return { total: topics.reduce((sum, t) => sum + t.count, 0), topics };
  }
}
