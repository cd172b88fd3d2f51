import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { NotificationPreferencesRepository } from '../inbox/preferences/notification-preferences.repository.js';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import type { OutgoingReply } from './outgoing-reply.js';
import { OutgoingReplyLoader } from './outgoing-reply.loader.js';
import { ReplySenders } from './reply-senders.js';

/**
 * Sends a staff member's public reply back to the customer on the ticket's channel: the channel's
 * registered sender (email, SMS, WhatsApp, ...) or, for channels without one (portal, api, ...),
 * an email telling the requester what was answered.
 */
@Processor(OUTBOX_QUEUE)
export class ReplyDeliveryProcessor {
  private readonly logger = new Logger(ReplyDeliveryProcessor.name);

  constructor(
    private readonly loader: OutgoingReplyLoader,
    private readonly senders: ReplySenders,
    private readonly mailer: LocalMailer,
    private readonly outbox: OutboxRepository,
    private readonly preferences: NotificationPreferencesRepository,
  ) {}

  @Process('ticket.reply')
  async handle(job: Job<OutboxJob<'ticket.reply'>>) {
    const { outboxId, payload } = job.data;
    const reply = await this.loader.load(outboxId, payload.ticketId, payload.entryId);
    if (!reply) {
      // The entry was deleted with its ticket (merge/delete) before we got to it: nothing to send.
      this.logger.warn(`reply ${payload.entryId} on ticket #${payload.ticketId} is gone; not sent`);
      await this.outbox.markDone(outboxId);
      return;
    }
    const sender = this.senders.for(reply.channel);
    if (sender) await sender.send(reply);
    else await this.notifyByEmail(reply);
  }

  /**
   * The customer may have said (portal, Email settings) that they read replies in the portal: recorded as suppressed, with the reason.
   * The email carries the reply's entry, so the entry shows its delivery state and announces each change (decision 029).
   */
  private async notifyByEmail(reply: OutgoingReply) {
    const wanted = (await this.preferences.get(reply.requester.id)).customer?.replies !== false;
    return this.mailer.send(reply.outboxId, {
      ...(wanted ? {} : { withheld: 'the customer turned off email for replies (they read them in the portal)' }),
      recipient: reply.requester.email,
      subject: `[#${reply.ticketId}] Re: ${reply.ticketSubject}`,
      body:
        `Hello ${reply.requester.name},\n\n` +
        `${reply.author.name} answered your request #${reply.ticketId}:\n\n${reply.body}\n\n` +
        `Reply to this message or open the ticket in the portal to answer.\n`,
      ticketId: reply.ticketId,
      ticketEntryId: reply.entryId,
    });
  }
}
