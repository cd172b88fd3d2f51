import { Command } from '@nestjs/cqrs';
import type { AgentProfile } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SetAgentSkillsCommand extends Command<AgentProfile> {
  constructor(
    readonly actor: Actor,
    readonly userId: number,
    readonly skills: { skillId: number; level: number }[],
  ) {
    super();
  }
}
