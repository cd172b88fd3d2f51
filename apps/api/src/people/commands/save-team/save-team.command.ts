import { Command } from '@nestjs/cqrs';
import type { RoutingStrategy, Team } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SaveTeamCommand extends Command<Team> {
  constructor(
    readonly actor: Actor,
    readonly input: { id?: number; name: string; routingStrategy: RoutingStrategy; isDefault: boolean; memberIds?: number[] },
  ) {
    super();
  }
}
