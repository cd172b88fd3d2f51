import { Query } from '@nestjs/cqrs';
import type { TwilioSettings } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

export class GetTwilioSettingsQuery extends Query<TwilioSettings> {
  constructor(readonly actor: Actor) {
    super();
  }
}
