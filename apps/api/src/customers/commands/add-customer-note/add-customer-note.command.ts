import { Command } from '@nestjs/cqrs';
import type { CustomerNote } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class AddCustomerNoteCommand extends Command<CustomerNote> {
  constructor(
    readonly actor: Actor,
    readonly customerId: number,
    readonly body: string,
  ) {
    super();
  }
}
