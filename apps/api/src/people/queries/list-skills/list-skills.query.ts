import { Query } from '@nestjs/cqrs';
import type { Skill } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListSkillsQuery extends Query<Skill[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
