import { Query } from '@nestjs/cqrs';
import type { EntryOriginal } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** The stored original of one emailed entry: what the timeline folded away included. */
export class GetEntryOriginalQuery extends Query<EntryOriginal> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly entryId: number,
  ) {
    super();
  }
}
