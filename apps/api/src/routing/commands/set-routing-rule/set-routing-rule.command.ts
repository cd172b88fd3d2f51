import { Command } from '@nestjs/cqrs';
import type { RoutingRule } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SetRoutingRuleCommand extends Command<RoutingRule> {
  constructor(
    readonly actor: Actor,
    readonly input: { kind: RoutingRule['kind']; id: number; teamId: number | null; skillId: number | null },
  ) {
    super();
  }
}
