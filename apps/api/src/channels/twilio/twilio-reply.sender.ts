import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PublicMediaLinks } from '../../attachments/public-media-links.js';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import type { OutgoingReply, ReplySender } from '../outgoing-reply.js';
import { ReplySenders } from '../reply-senders.js';
import { CustomerPhonesRepository } from './customer-phones.repository.js';
import { DeliveryReports } from './delivery-reports.js';
import { parseTwilioAddress, toTwilioAddress, type MessagingChannel } from './twilio-address.js';
import { TwilioClient } from './twilio-client.js';
import { TwilioDeliveriesRepository } from './twilio-deliveries.repository.js';
import { TwilioInboundRepository } from './twilio-inbound.repository.js';
import { WhatsappTemplatesService } from './whatsapp-templates.service.js';
import { contentVariables } from './whatsapp-templates.js';

export const STATUS_CALLBACK_PATH = '/webhooks/twilio/status';

/**
 * Sends staff replies on SMS and WhatsApp tickets with `client.messages.create`, to the number the
 * customer wrote from, from the number they wrote to, with a status callback. Never to a number
 * that said STOP. Without credentials the reply stays in the local outbox. Idempotent per outbox
 * row: a message Twilio accepted (it has a sid) is never sent again.
 */
@Injectable()
export class TwilioReplySender implements ReplySender, OnModuleInit {
  private readonly logger = new Logger(TwilioReplySender.name);

  constructor(
    private readonly senders: ReplySenders,
    private readonly twilio: TwilioClient,
    private readonly inbound: TwilioInboundRepository,
    private readonly phones: CustomerPhonesRepository,
    private readonly deliveries: TwilioDeliveriesRepository,
    private readonly outbox: OutboxRepository,
    private readonly reports: DeliveryReports,
    private readonly templates: WhatsappTemplatesService,
    private readonly media: PublicMediaLinks,
  ) {}

  onModuleInit() {
    this.senders.register(['sms', 'whatsapp'], this);
    const { accountSid, authToken } = this.twilio.environment;
    if (!accountSid || !authToken) {
      this.logger.log(
        'Twilio is not configured in the environment (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN): unless an admin sets it in the workspace, SMS and WhatsApp replies and call backs stay in the local outbox',
      );
    }
  }

  /**
   * The reply's files as MediaUrl (an MMS, or WhatsApp media): signed, expiring public links of
   * ours that Twilio fetches. A reply with more files than the channel carries was refused when it was
   * written (media-limits.ts), so every file goes.
   */
  private mediaOf(reply: OutgoingReply): { mediaUrl?: string[] } {
    const ids = reply.attachmentIds;
    return ids.length ? { mediaUrl: ids.map((id) => this.twilio.webhookUrl(this.media.path(id))) } : {};
  }

  async send(reply: OutgoingReply) {
    const channel = reply.channel as MessagingChannel;
    const last = await this.inbound.lastMessageOn(reply.ticketId);
    const e164 = (last && parseTwilioAddress(last.from)?.e164) || (await this.phones.latestOf(reply.requester.id))?.e164;
    const base = { outboxEventId: reply.outboxId, channel, body: reply.body, ticketId: reply.ticketId, entryId: reply.entryId };
    if (!e164) {
      await this.deliveries.begin({ ...base, recipient: reply.requester.email, status: 'failed', error: 'the customer has no phone number' });
      this.logger.warn(`reply ${reply.entryId} on #${reply.ticketId} not sent: the customer has no phone number`);
      return this.outbox.markDone(reply.outboxId);
    }
    const to = toTwilioAddress(channel, e164);
    const existing = await this.deliveries.find(reply.outboxId, to);
    if (existing?.providerSid) return this.outbox.markDone(reply.outboxId);

    const owner = await this.phones.byNumber(e164);
    if (owner?.optedOutAt) {
      await this.deliveries.begin({ ...base, recipient: to, status: 'blocked', error: 'the number opted out (STOP)' });
      this.logger.log(`reply ${reply.entryId} on #${reply.ticketId} not sent: ${e164} opted out`);
      return this.outbox.markDone(reply.outboxId);
    }
    const config = await this.twilio.config();
    const from = last?.to || (channel === 'whatsapp' ? config.whatsappFrom : config.smsFrom);
    const client = await this.twilio.get();
    if (!client || !from) {
      await this.deliveries.begin({ ...base, recipient: to, status: 'local' });
      this.logger.log(
        `${channel} reply to ${to} kept in the local outbox (${client ? `no number to send from: set TWILIO_${channel === 'whatsapp' ? 'WHATSAPP' : 'SMS'}_FROM` : 'Twilio is off: no account SID / auth token in the settings or the environment'})`,
      );
      return this.outbox.markDone(reply.outboxId);
    }
    await this.deliveries.begin({ ...base, recipient: to, status: 'sending' });
    const statusCallback = this.twilio.webhookUrl(STATUS_CALLBACK_PATH);
    // A reply sent as an approved template goes out as that template with its values, not as text.
    const template = reply.entryId ? await this.templates.sentAs(reply.entryId) : null;
    const message = template
      ? await client.messages.create({
          from,
          to,
          contentSid: template.contentSid,
          contentVariables: contentVariables({ name: template.name, contentSid: template.contentSid, variables: Object.keys(template.variables) }, template.variables),
          statusCallback,
        })
      : await client.messages.create({ from, to, body: reply.body, statusCallback, ...this.mediaOf(reply) });
    await this.deliveries.sent(reply.outboxId, to, message.sid, message.status);
    await this.reports.announce(message.sid);
    // Status callbacks that beat us to it (stored, see delivery-reports.ts) apply now.
    await this.reports.applyPending(message.sid);
    await this.outbox.markDone(reply.outboxId);
  }
}
