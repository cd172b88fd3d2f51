import { Command } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** A customer asks to be called back (portal): the same kind of ticket as pressing 2 on the phone menu. */
export class RequestCallbackCommand extends Command<Ticket> {
  constructor(
    readonly actor: Actor,
    readonly phone: string,
    readonly window: string | undefined,
  ) {
    super();
  }
}
