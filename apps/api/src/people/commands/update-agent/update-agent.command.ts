import { Command } from '@nestjs/cqrs';
import type { AgentProfile, UpdateAgentInput } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class UpdateAgentCommand extends Command<AgentProfile> {
  constructor(
    readonly actor: Actor,
    readonly input: UpdateAgentInput & { id: number },
  ) {
    super();
  }
}
