import { Command } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Merges a duplicate (source) into a target: timelines combined under the target, source closed with a link. */
export class MergeTicketsCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly sourceId: number,
    readonly targetId: number,
  ) {
    super();
  }
}
