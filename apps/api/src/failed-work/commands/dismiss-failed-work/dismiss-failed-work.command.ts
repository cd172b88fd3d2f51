import { Command } from '@nestjs/cqrs';
import type { FailedWorkActionResult } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** A failed row an admin decided not to retry: kept in the outbox as `dismissed`, off the list and the counts. */
export class DismissFailedWorkCommand extends Command<FailedWorkActionResult> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
  ) {
    super();
  }
}
