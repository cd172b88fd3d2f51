import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RoutingRule } from '@switchboard/contracts';
import { PeopleErrors } from '../../../people/people.errors.js';
import { RoutingRuleRepository } from '../../routing-rule.repository.js';
import { ListRoutingRulesQuery } from './list-routing-rules.query.js';

@QueryHandler(ListRoutingRulesQuery)
export class ListRoutingRulesHandler implements IQueryHandler<ListRoutingRulesQuery, RoutingRule[]> {
  constructor(private readonly rules: RoutingRuleRepository) {}

  execute({ actor }: ListRoutingRulesQuery): Promise<RoutingRule[]> {
    if (actor.ability.cannot('read', 'RoutingRule')) throw PeopleErrors.forbidden('see routing rules');
    return this.rules.list();
  }
}
