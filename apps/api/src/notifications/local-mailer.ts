import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { SupportAddresses } from '../channels/email/addresses/support-addresses.js';
import { SendgridTransport, type OutgoingEmail } from '../channels/email/outbound/sendgrid-transport.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { TicketEntryUpdatedEvent } from '../tickets/events/ticket-entry-updated.event.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';

export interface Email {
  recipient: string;
  subject: string;
  body: string;
  ticketId: number | null;
  /** The reply entry this email carries, when it carries one: its delivery is shown under the entry. */
  ticketEntryId?: number | null;
  /** Holds a one-time secret (a reset link): recorded, but its body is shown to admins only, and never logged. */
  sensitive?: boolean;
  /** Automatic mail (the default: acknowledgements, notifications) is rate-limited and marked Auto-Submitted; a staff reply is not. */
  automatic?: boolean;
  html?: string | null;
  cc?: string[];
  fromName?: string;
  /** Our address to send from; when not given, the address the ticket's mail came to (else SUPPORT_EMAIL). */
  fromAddress?: string;
  /** Our Message-ID (no brackets); derived from the outbox row when not given. */
  messageId?: string;
  inReplyTo?: string | null;
  references?: string[];
  replyTo?: string | null;
  attachments?: OutgoingEmail['attachments'];
  /** Not to be sent, for this reason (the recipient's notification preferences): recorded as suppressed. */
  withheld?: string;
}

const HOUR_MS = 3_600_000;

/**
 * The one way an outbox job sends an email. With SENDGRID_API_KEY it goes out through SendGrid
 * (SendgridTransport); without, it is only recorded in the local outbox (the workspace's Outbox
 * page). Either way a row in outbound_messages says what happened, and the outbox row is marked
 * done. Idempotent per (outbox row, recipient): a row already sent is not sent again.
 * Automatic mail carries Auto-Submitted / X-Auto-Response-Suppress, is held for addresses that
 * sent us automatic mail lately (email_suppressions), and is rate-limited per recipient.
 * An email that carries a reply entry announces each change of its state (recorded, sent, an attempt
 * failed, given up: `failed`) as that entry's `entry.updated`, so an open ticket page shows it (026).
 */
@Injectable()
export class LocalMailer {
  private readonly logger = new Logger(LocalMailer.name);

  constructor(
    private readonly messages: OutboundMessageRepository,
    private readonly outbox: OutboxRepository,
    private readonly transport: SendgridTransport,
    private readonly addresses: SupportAddresses,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventBus,
  ) {}

  async send(outboxId: number, email: Email) {
    const recipient = email.recipient.toLowerCase();
    const automatic = email.automatic ?? true;
    const from = email.fromAddress ? null : await this.addresses.forTicket(email.ticketId);
    const fromAddress = email.fromAddress ?? from!.address;
    const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
    const messageId =
      email.messageId ?? `outbox-${outboxId}.${createHash('sha256').update(recipient).digest('hex').slice(0, 12)}@${domain}`;
    const existing = await this.messages.find(outboxId, email.recipient);
    // `failed`: the job gave up earlier and an admin retried the row (failed-work/): send it again.
    if (existing && existing.status !== 'sending' && existing.status !== 'failed') {
      await this.outbox.markDone(outboxId);
      return;
    }
    const held = email.withheld
      ? { status: 'suppressed', reason: email.withheld }
      : recipient.endsWith('.invalid')
      ? { status: 'suppressed', reason: 'no email address (a placeholder for a customer known only by phone)' }
      : automatic
        ? await this.holdReason(recipient, outboxId)
        : null;
    const status = held ? held.status : this.transport.enabled ? 'sending' : 'local';
    if (!existing) {
      await this.messages.record({
        outboxEventId: outboxId,
        channel: 'email',
        recipient: email.recipient,
        subject: email.subject.slice(0, 255),
        body: email.body,
        status,
        ticketId: email.ticketId,
        ticketEntryId: email.ticketEntryId ?? null,
        messageId,
        automatic,
        error: held?.reason ?? null,
        sensitive: email.sensitive ?? false,
      });
      this.announce(email);
    } else if (existing.status === 'failed') {
      await this.messages.update(outboxId, email.recipient, { status, error: held?.reason ?? null });
      this.announce(email);
    }
    if (held) {
      this.logger.log(`"${email.subject.slice(0, 80)}" to ${recipient} not sent: ${held.reason}`);
    } else if (!this.transport.enabled) {
      this.logger.log(`"${email.subject.slice(0, 80)}" to ${recipient} kept in the local outbox (no SENDGRID_API_KEY set; see the workspace's Outbox page)`);
    } else {
      try {
        const { providerMessageId } = await this.transport.send({
          to: email.recipient,
          cc: email.cc,
          fromName: email.fromName ?? from?.displayName ?? undefined,
          fromAddress,
          subject: email.subject,
          text: email.body,
          html: email.html,
          messageId,
          inReplyTo: email.inReplyTo,
          references: email.references,
          replyTo: email.replyTo,
          automatic,
          attachments: email.attachments,
        });
        await this.messages.update(outboxId, email.recipient, { status: 'sent', error: null, providerMessageId });
        this.announce(email);
      } catch (error) {
        await this.messages.update(outboxId, email.recipient, { status: 'sending', error: (error as Error).message.slice(0, 4000) });
        this.announce(email);
        throw error;
      }
    }
    await this.outbox.markDone(outboxId);
  }

  /**
   * The outbox row's job gave up (its last attempt failed): its emails still `sending` are `failed`,
   * and the reply entries they carry announce it. Called by the outbox queue's failure listener.
   */
  async gaveUp(outboxId: number): Promise<void> {
    for (const entryId of await this.messages.failUnsent(outboxId)) this.events.publish(new TicketEntryUpdatedEvent(entryId, 'delivery'));
  }

  /** Committed: the reply entry this email carries shows its new delivery state on an open ticket page. */
  private announce(email: Email) {
    if (email.ticketEntryId) this.events.publish(new TicketEntryUpdatedEvent(email.ticketEntryId, 'delivery'));
  }

  /** Why automatic mail to this recipient is held, if it is. */
  private async holdReason(recipient: string, outboxId: number): Promise<{ status: string; reason: string } | null> {
    const suppression = await this.messages.suppression(recipient);
    if (suppression) return { status: 'suppressed', reason: `the recipient ${suppression}` };
    const recent = await this.messages.countAutomaticSince(recipient, new Date(Date.now() - HOUR_MS), outboxId);
    const limit = this.config.email.automaticPerRecipientPerHour;
    if (recent >= limit) return { status: 'rate_limited', reason: `more than ${limit} automatic emails to this recipient in an hour` };
    return null;
  }
}
