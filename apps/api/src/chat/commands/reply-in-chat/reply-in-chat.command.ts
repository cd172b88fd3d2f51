import { Command } from '@nestjs/cqrs';
import type { TimelineEntry } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** A public reply in the chat (a reply on the ticket's `chat` channel); answering a waiting chat accepts it. */
export class ReplyInChatCommand extends Command<TimelineEntry> {
  constructor(
    readonly actor: Actor,
    readonly chatId: number,
    readonly body: string,
  ) {
    super();
  }
}
