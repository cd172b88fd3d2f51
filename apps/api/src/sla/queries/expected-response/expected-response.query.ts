import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../common/actor.js';

/** For the portal: when the requester can expect a first answer, if their company wants that shown. */
export class ExpectedResponseQuery extends Query<{ dueAt: string | null; text: string | null }> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
  ) {
    super();
  }
}
