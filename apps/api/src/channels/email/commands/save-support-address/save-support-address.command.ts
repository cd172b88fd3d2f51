import { Command } from '@nestjs/cqrs';
import type { SupportAddress, SupportAddressInput } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** Adds a support address, or edits one (its address, display name, company). */
export class SaveSupportAddressCommand extends Command<SupportAddress> {
  constructor(
    readonly actor: Actor,
    readonly input: SupportAddressInput,
  ) {
    super();
  }
}
