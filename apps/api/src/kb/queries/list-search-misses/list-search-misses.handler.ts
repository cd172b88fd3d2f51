import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { KbFeedbackRepository } from '../../kb-feedback.repository.js';
import { ListSearchMissesQuery } from './list-search-misses.query.js';

@QueryHandler(ListSearchMissesQuery)
export class ListSearchMissesHandler implements IQueryHandler<ListSearchMissesQuery> {
  constructor(private readonly feedback: KbFeedbackRepository) {}

  async execute({ actor }: ListSearchMissesQuery) {
    return actor.ability.can('read', 'KbSearchMiss') ? this.feedback.misses() : [];
  }
}
