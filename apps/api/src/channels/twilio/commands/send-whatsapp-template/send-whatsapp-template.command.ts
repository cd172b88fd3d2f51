import { Command } from '@nestjs/cqrs';
import type { TimelineEntry } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** An agent sends an approved WhatsApp template on a WhatsApp ticket (also outside the 24-hour window). */
export class SendWhatsappTemplateCommand extends Command<TimelineEntry> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly template: string,
    readonly variables: Record<string, string>,
  ) {
    super();
  }
}
