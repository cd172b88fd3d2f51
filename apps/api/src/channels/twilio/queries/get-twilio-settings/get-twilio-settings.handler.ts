import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TwilioSettings } from '@switchboard/contracts';
import { TwilioClient } from '../../twilio-client.js';
import { toTwilioSettings } from '../../twilio-settings.mapper.js';
import { TwilioSettingsRepository } from '../../twilio-settings.repository.js';
import { TwilioErrors } from '../../twilio.errors.js';
import { GetTwilioSettingsQuery } from './get-twilio-settings.query.js';

@QueryHandler(GetTwilioSettingsQuery)
export class GetTwilioSettingsHandler implements IQueryHandler<GetTwilioSettingsQuery, TwilioSettings> {
  constructor(
    private readonly twilio: TwilioClient,
    private readonly settings: TwilioSettingsRepository,
  ) {}

  async execute({ actor }: GetTwilioSettingsQuery): Promise<TwilioSettings> {
    if (actor.ability.cannot('manage', 'ChannelSettings')) throw TwilioErrors.forbidden('see the phone channel settings');
    this.twilio.invalidate();
    return toTwilioSettings(await this.twilio.config(), await this.settings.get());
  }
}
