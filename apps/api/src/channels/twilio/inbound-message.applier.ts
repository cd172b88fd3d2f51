import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AddTicketEntryCommand } from '../../tickets/commands/add-ticket-entry/add-ticket-entry.command.js';
import { CreateTicketCommand } from '../../tickets/commands/create-ticket/create-ticket.command.js';
import { CustomerPhonesRepository } from './customer-phones.repository.js';
import { MediaFetcher } from './media-fetcher.js';
import { optKeyword } from './opt-out.js';
import { parseTwilioAddress, type MessagingChannel } from './twilio-address.js';
import { TwilioActor } from './twilio-actor.js';
import type { InboundOutcome, InboundRow } from './twilio-inbound.repository.js';

const SUBJECT_MAX = 200;

/** The first non-empty line, cut to fit a subject. */
export function subjectFrom(body: string, fallback: string): string {
  const line = body.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? fallback;
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

/**
 * Applies one stored SMS/WhatsApp message: finds or creates the customer by number, honours
 * STOP/START, stores the media, and adds the message to the customer's open ticket on the same
 * channel (active within TWILIO_JOIN_HOURS) or opens a new one. Runs once per message: the
 * caller holds the twilio_inbound row lock and records the outcome.
 */
@Injectable()
export class InboundMessageApplier {
  private readonly logger = new Logger(InboundMessageApplier.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly phones: CustomerPhonesRepository,
    private readonly actors: TwilioActor,
    private readonly media: MediaFetcher,
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async apply(row: InboundRow): Promise<InboundOutcome> {
    const params = row.payload as Record<string, string>;
    const address = parseTwilioAddress(row.from_address);
    if (!address) return { outcome: 'ignored', ticketId: null, entryId: null };
    const phone = await this.phones.findOrCreate(address.e164, params.ProfileName ?? null);
    await this.phones.touch(address.e164);

    const keyword = (Number(params.NumMedia) || 0) === 0 ? optKeyword(params.Body) : null;
    if (keyword) {
      await this.phones.setOptedOut(address.e164, keyword === 'stop');
      this.logger.log(`${address.e164} ${keyword === 'stop' ? 'opted out (STOP): nothing more is sent to it' : 'opted back in (START)'}`);
      return { outcome: keyword === 'stop' ? 'opted_out' : 'opted_in', ticketId: null, entryId: null };
    }

    const actor = await this.actors.of(phone.userId);
    const media = await this.media.storeMessageMedia(actor, params);
    const lines = [(params.Body ?? '').trim()];
    if (media.skipped.length) lines.push(`[not attached: ${media.skipped.join(', ')}]`);
    let body = lines.filter(Boolean).join('\n\n');
    if (!body) body = media.attachmentIds.length ? `(${media.attachmentIds.length} attachment${media.attachmentIds.length > 1 ? 's' : ''})` : '(empty message)';

    const openId = await this.openTicket(phone.userId, address.channel);
    if (openId) {
      const entry = await this.commands.execute(new AddTicketEntryCommand(actor, openId, body, false, address.channel, media.attachmentIds));
      return { outcome: 'joined', ticketId: entry.ticketId, entryId: entry.id };
    }
    const label = address.channel === 'whatsapp' ? 'WhatsApp message' : 'SMS';
    const ticket = await this.commands.execute(
      new CreateTicketCommand(
        actor,
        { subject: subjectFrom(params.Body ?? '', `${label} from ${address.e164}`), description: body, urgency: 'medium', importance: 'medium', attachmentIds: media.attachmentIds },
        address.channel,
      ),
    );
    return { outcome: 'created', ticketId: ticket.id, entryId: await this.firstEntry(ticket.id) };
  }

  /** The customer's most recently active open ticket on this channel, within the join window. */
  private async openTicket(requesterId: number, channel: MessagingChannel): Promise<number | null> {
    const since = new Date(Date.now() - this.config.twilio.joinHours * 3_600_000);
    const [row] = await this.sequelize.query<{ id: number }>(
      `SELECT id FROM tickets WHERE requester_id = ? AND channel = ? AND status NOT IN ('resolved', 'closed') AND updated_at >= ?
        ORDER BY updated_at DESC, id DESC LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: [requesterId, channel, since] },
    );
    return row ? Number(row.id) : null;
  }

  private async firstEntry(ticketId: number): Promise<number | null> {
    const [row] = await this.sequelize.query<{ id: number }>('SELECT MIN(id) AS id FROM ticket_entries WHERE ticket_id = ?', {
      type: QueryTypes.SELECT,
      replacements: [ticketId],
    });
    return row?.id ? Number(row.id) : null;
  }
}
