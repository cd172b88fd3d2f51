import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../common/actor.js';

/** Removes a support address; its tickets' mail goes out from SUPPORT_EMAIL again. */
export class RemoveSupportAddressCommand extends Command<{ id: number }> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
  ) {
    super();
  }
}
