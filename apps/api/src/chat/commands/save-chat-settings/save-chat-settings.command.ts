import { Command } from '@nestjs/cqrs';
import type { ChatSettings, SaveChatSettingsInput } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** A company's widget settings; switching chat on (or asking) makes a new HMAC secret. */
export class SaveChatSettingsCommand extends Command<ChatSettings> {
  constructor(
    readonly actor: Actor,
    readonly input: SaveChatSettingsInput,
  ) {
    super();
  }
}
