import { Query } from '@nestjs/cqrs';
import type { Team } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListTeamsQuery extends Query<Team[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
