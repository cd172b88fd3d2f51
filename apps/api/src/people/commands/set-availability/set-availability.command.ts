import { Command } from '@nestjs/cqrs';
import type { AgentProfile, Availability } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SetAvailabilityCommand extends Command<AgentProfile> {
  constructor(
    readonly actor: Actor,
    readonly userId: number,
    readonly availability: Availability,
  ) {
    super();
  }
}
