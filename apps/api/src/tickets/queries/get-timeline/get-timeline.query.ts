import { Query } from '@nestjs/cqrs';
import type { Timeline } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class GetTimelineQuery extends Query<Timeline> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
  ) {
    super();
  }
}
