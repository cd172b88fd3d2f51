import { Injectable, Logger } from '@nestjs/common';
import { CustomerPhonesRepository } from './customer-phones.repository.js';
import { CustomerTickets, sourceKeyOf, subjectFrom } from './customer-tickets.js';
import { MediaFetcher } from './media-fetcher.js';
import { optKeyword } from './opt-out.js';
import { parseTwilioAddress } from './twilio-address.js';
import { TwilioActor } from './twilio-actor.js';
import type { InboundOutcome, InboundRow } from './twilio-inbound.repository.js';

/**
 * Applies one stored SMS/WhatsApp message: finds or creates the customer by number, honours
 * STOP/START, stores the media, and adds the message to the customer's open ticket on the same
 * channel or opens a new one (customer-tickets.ts). The caller holds the twilio_inbound row
 * lock and records the outcome.
 */
@Injectable()
export class InboundMessageApplier {
  private readonly logger = new Logger(InboundMessageApplier.name);

  constructor(
    private readonly phones: CustomerPhonesRepository,
    private readonly actors: TwilioActor,
    private readonly media: MediaFetcher,
    private readonly tickets: CustomerTickets,
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

    // Applied before, but the job died before recording it: the entry is there, nothing to download again.
    const earlier = await this.tickets.bySource(sourceKeyOf(row));
    if (earlier) return earlier;
    const actor = await this.actors.of(phone.userId);
    const media = await this.media.storeMessageMedia(actor, params);
    const lines = [(params.Body ?? '').trim()];
    if (media.skipped.length) lines.push(`[not attached: ${media.skipped.join(', ')}]`);
    const count = media.attachmentIds.length;
    const body = lines.filter(Boolean).join('\n\n') || (count ? `(${count} attachment${count > 1 ? 's' : ''})` : '(empty message)');
    const label = address.channel === 'whatsapp' ? 'WhatsApp message' : 'SMS';
    return this.tickets.post(actor, {
      channel: address.channel,
      body,
      subject: subjectFrom(params.Body ?? '', `${label} from ${address.e164}`),
      attachmentIds: media.attachmentIds,
      sourceKey: sourceKeyOf(row),
    });
  }
}
