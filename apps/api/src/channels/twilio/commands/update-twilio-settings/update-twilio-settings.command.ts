import { Command } from '@nestjs/cqrs';
import type { TwilioSettings, UpdateTwilioSettingsInput } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

export class UpdateTwilioSettingsCommand extends Command<TwilioSettings> {
  constructor(
    readonly actor: Actor,
    readonly input: UpdateTwilioSettingsInput,
  ) {
    super();
  }
}
