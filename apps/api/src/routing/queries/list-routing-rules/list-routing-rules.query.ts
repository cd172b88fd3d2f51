import { Query } from '@nestjs/cqrs';
import type { RoutingRule } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListRoutingRulesQuery extends Query<RoutingRule[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
