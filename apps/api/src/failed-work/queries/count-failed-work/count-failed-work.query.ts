import { Query } from '@nestjs/cqrs';
import type { FailedWorkCounts } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class CountFailedWorkQuery extends Query<FailedWorkCounts> {
  constructor(readonly actor: Actor) {
    super();
  }
}
