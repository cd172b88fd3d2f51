import { Query } from '@nestjs/cqrs';
import type { EntryRoute } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

export class GetEntryRoutesQuery extends Query<EntryRoute[]> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
  ) {
    super();
  }
}
