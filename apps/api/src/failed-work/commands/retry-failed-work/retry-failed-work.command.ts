import { Command } from '@nestjs/cqrs';
import type { FailedWorkActionResult } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** A failed (or dismissed) outbox row goes back to pending with its attempts reset; the relay picks it up. */
export class RetryFailedWorkCommand extends Command<FailedWorkActionResult> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
  ) {
    super();
  }
}
