import { Query } from '@nestjs/cqrs';
import type { AgentProfile } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListAgentsQuery extends Query<AgentProfile[]> {
  constructor(
    readonly actor: Actor,
    readonly teamId?: number,
  ) {
    super();
  }
}
