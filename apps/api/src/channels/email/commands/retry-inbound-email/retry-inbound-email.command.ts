import { Command } from '@nestjs/cqrs';
import type { InboundEmail } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** A failed inbound email (after a fix, say), or one wrongly held as spam, goes back into the queue. */
export class RetryInboundEmailCommand extends Command<InboundEmail> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
  ) {
    super();
  }
}
