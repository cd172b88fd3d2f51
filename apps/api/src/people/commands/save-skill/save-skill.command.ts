import { Command } from '@nestjs/cqrs';
import type { Skill } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SaveSkillCommand extends Command<Skill> {
  constructor(
    readonly actor: Actor,
    readonly input: { id?: number; name: string },
  ) {
    super();
  }
}
