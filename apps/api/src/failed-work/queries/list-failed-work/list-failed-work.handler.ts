import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FailedWorkErrors } from '../../failed-work.errors.js';
import { toFailedWork } from '../../failed-work.mapper.js';
import { FailedWorkRepository } from '../../failed-work.repository.js';
import { ListFailedWorkQuery } from './list-failed-work.query.js';

/** Failed rows newest first, filtered and paged in SQL (keyset on the id: no offset to drift as rows are retried). */
@QueryHandler(ListFailedWorkQuery)
export class ListFailedWorkHandler implements IQueryHandler<ListFailedWorkQuery> {
  constructor(private readonly failures: FailedWorkRepository) {}

  async execute({ actor, topic, cursor, limit }: ListFailedWorkQuery) {
    if (actor.ability.cannot('read', 'FailedWork')) throw FailedWorkErrors.forbidden('see failed background work');
    const rows = await this.failures.page(topic, cursor ? Number(cursor) : undefined, limit + 1);
    const items = rows.slice(0, limit).map(toFailedWork);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
  }
}
