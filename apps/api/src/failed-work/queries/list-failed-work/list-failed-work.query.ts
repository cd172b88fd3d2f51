import { Query } from '@nestjs/cqrs';
import type { FailedWork } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListFailedWorkQuery extends Query<{ items: FailedWork[]; nextCursor: string | null }> {
  constructor(
    readonly actor: Actor,
    readonly topic: string | undefined,
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
