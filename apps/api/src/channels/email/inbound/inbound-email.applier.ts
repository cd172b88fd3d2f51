import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus, EventBus } from '@nestjs/cqrs';
import type { Ticket, TimelineEntry } from '@switchboard/contracts';
import { Readable } from 'node:stream';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { UploadAttachmentCommand } from '../../../attachments/commands/upload-attachment/upload-attachment.command.js';
import type { Actor } from '../../../common/actor.js';
import { DomainError } from '../../../common/domain-error.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { toStoredBody } from '../../../tickets/bodies/entry-body.js';
import { AddTicketEntryCommand } from '../../../tickets/commands/add-ticket-entry/add-ticket-entry.command.js';
import { CreateTicketCommand } from '../../../tickets/commands/create-ticket/create-ticket.command.js';
import { TicketEntryUpdatedEvent } from '../../../tickets/events/ticket-entry-updated.event.js';
import { SupportAddresses } from '../addresses/support-addresses.js';
import { foldQuotedHistory } from '../threading/quoted-history.js';
import { ThreadRouter } from '../threading/thread-router.js';
import { ThreadStore } from '../threading/thread-store.js';
import { automaticReason, isBounce } from './classify.js';
import { inboundHtml } from './inbound-html.js';
import { InboundEmailRepository } from './inbound-email.repository.js';
import type { InboundMessage } from './inbound-message.js';
import { InboundSenders } from './inbound-sender.js';
import { InboundParseError, parseInbound } from './parse-inbound.js';

const HOUR_MS = 3_600_000;
/** Automatic mail to an address that sent us an auto-reply is held this long. */
const SUPPRESS_AFTER_AUTOREPLY_MS = 24 * HOUR_MS;

export const inboundMarker = (id: number) => `inbound-email:${id}`;

/**
 * Applies one stored inbound email: parse, screen (own address, bounce, spam, rate), thread, then
 * a new ticket or a message on an existing one through the tickets module's commands, as the
 * sender. Exactly once: the row is claimed first, and if a worker died after the command committed
 * but before the row was marked, the audit row the command wrote (its user agent names this email)
 * tells the next attempt what was already done.
 */
@Injectable()
export class InboundEmailApplier {
  private readonly logger = new Logger(InboundEmailApplier.name);

  constructor(
    private readonly inbound: InboundEmailRepository,
    private readonly router: ThreadRouter,
    private readonly store: ThreadStore,
    private readonly senders: InboundSenders,
    private readonly addresses: SupportAddresses,
    private readonly commands: CommandBus,
    private readonly sequelize: Sequelize,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(id: number): Promise<void> {
    const claimed = await this.inbound.claim(id);
    if (!claimed) return; // finished already, or another worker has it
    try {
      await this.apply(id, claimed === 'processing');
    } catch (error) {
      // Let Bull retry with backoff; the row must be claimable again.
      await this.sequelize.query(`UPDATE inbound_emails SET status = 'received', claimed_at = NULL WHERE id = ? AND status = 'processing'`, {
        replacements: [id],
      });
      throw error;
    }
  }

  private async apply(id: number, reclaimed: boolean) {
    const marker = inboundMarker(id);
    if (reclaimed) {
      const done = await this.inbound.committedBy(marker);
      if (done) {
        this.logger.warn(`inbound email ${id}: a previous attempt had applied it to #${done.ticketId}; finishing the bookkeeping only`);
        await this.inbound.finish(id, { status: 'processed', route: 'recovered', routeReason: 'applied before a worker restart', ticketId: done.ticketId, entryId: done.entryId });
        return;
      }
    }

    let message: InboundMessage;
    try {
      message = await parseInbound(await this.inbound.payload(id));
    } catch (error) {
      if (!(error instanceof InboundParseError)) throw error;
      this.logger.warn(`inbound email ${id} failed to parse: ${error.message}`);
      await this.inbound.finish(id, { status: 'failed', reason: error.message });
      return;
    }
    const from = message.from;
    const identity = { sender: from?.address ?? null, subject: message.subject || null };
    if (!from) {
      await this.inbound.finish(id, { status: 'failed', reason: 'the message has no From address', ...identity });
      return;
    }
    if (await this.router.isOwnAddress(from.address)) {
      await this.inbound.finish(id, { status: 'ignored', reason: 'mail from our own address', ...identity });
      return;
    }
    if (isBounce(message)) {
      await this.applyBounce(id, message, identity);
      return;
    }
    const released = (await this.inbound.find(id))?.released ?? false;
    if (!released && message.spamScore != null && message.spamScore > this.config.email.spamScore) {
      await this.inbound.finish(id, { status: 'spam', reason: `spam score ${message.spamScore} is above ${this.config.email.spamScore}`, ...identity });
      return;
    }
    const recent = await this.inbound.countFromSender(from.address, new Date(Date.now() - HOUR_MS));
    if (recent > this.config.email.inboundPerSenderPerHour) {
      await this.inbound.finish(id, {
        status: 'ignored',
        reason: `more than ${this.config.email.inboundPerSenderPerHour} messages from this sender in an hour (loop protection)`,
        ...identity,
      });
      return;
    }
    const automatic = automaticReason(message);
    if (automatic) await this.suppressAutomaticMailTo(from.address, `sent automatic mail (${automatic})`);

    // The company/brand address it was sent to: the ticket's mail goes out from there from now on.
    const supportAddress = await this.addresses.forRecipients([...message.envelopeTo, ...message.to.map((a) => a.address), ...message.cc.map((a) => a.address)]);
    if (supportAddress?.id != null) await this.addresses.noteInbound(id, supportAddress.id);

    const { user } = await this.senders.findOrCreate(from);
    const route = await this.router.route(message, { email: from.address, userId: user.id, companyId: user.companyId ?? null });
    const grant = route.kind === 'existing' && route.grantedAccess ? route.ticketId : undefined;
    const actor = this.senders.actorFor(user, marker, grant);
    const { ids: attachmentIds, skipped } = await this.upload(actor, message);

    const fullText = message.text.trim() || (message.html ? toStoredBody({ bodyHtml: message.html }).body : '');
    // What the timeline shows: the sanitized HTML with quoted history and signature folded (null: the text).
    const html = inboundHtml(message.html) ?? undefined;
    let ticketId: number;
    let entryId: number;
    let routeName = route.route;
    let reason = route.reason;
    if (route.kind === 'existing') {
      const before = await this.store.ticket(route.ticketId);
      const text = foldQuotedHistory(fullText).visible || (attachmentIds.length ? '(attachments only)' : '(empty message)');
      // The entry's text stays the text part with its history folded, not text derived from the HTML.
      const entry: TimelineEntry = await this.commands.execute(
        new AddTicketEntryCommand(actor, route.ticketId, text, false, 'email', attachmentIds, html, { textBesideHtml: true }),
      );
      ticketId = entry.ticketId;
      entryId = entry.id;
      if (ticketId !== route.ticketId) {
        routeName = 'follow_up';
        reason = `${reason}; #${route.ticketId} was closed long ago, so this opened follow-up #${ticketId}`;
      } else if (before && (before.status === 'resolved' || before.status === 'closed')) {
        reason = `${reason}; reopened the ${before.status} ticket`;
      }
    } else {
      const ticket: Ticket = await this.commands.execute(
        new CreateTicketCommand(
          actor,
          {
            subject: (message.subject.trim() || '(no subject)').slice(0, 200),
            description: fullText || (attachmentIds.length ? '(attachments only)' : '(empty message)'),
            descriptionHtml: html,
            urgency: 'medium',
            importance: 'medium',
            attachmentIds,
          },
          'email',
        ),
      );
      ticketId = ticket.id;
      const [first] = await this.sequelize.query<{ id: number }>('SELECT id FROM ticket_entries WHERE ticket_id = ? ORDER BY id LIMIT 1', {
        replacements: [ticketId],
        type: QueryTypes.SELECT,
      });
      entryId = Number(first!.id);
    }
    if (automatic) reason = `${reason}; automatic mail (${automatic}): no acknowledgement`;
    if (supportAddress && (route.kind === 'new' || routeName === 'follow_up')) reason = `${reason}; sent to ${supportAddress.address}`;
    if (skipped.length) reason = `${reason}; attachments not kept: ${skipped.join(', ')}`;

    await this.sequelize.transaction(async (transaction) => {
      if (message.messageId) await this.store.rememberMessageId({ messageId: message.messageId, ticketId, entryId, direction: 'in' }, transaction);
      await this.store.addParticipants(ticketId, await this.router.copied(message, from.address), transaction);
      if (supportAddress?.id != null) await this.addresses.link(ticketId, supportAddress.id, transaction);
      await this.inbound.finish(id, { status: 'processed', route: routeName, routeReason: reason, ticketId, entryId, ...identity }, transaction);
    });
    this.logger.log(`inbound email ${id} from ${from.address} -> #${ticketId} (${reason})`);
  }

  /** Stores each file through the attachments module as the sender's upload; files it refuses are named in the route reason. */
  private async upload(actor: Actor, message: InboundMessage) {
    const ids: number[] = [];
    const skipped: string[] = [];
    for (const file of message.attachments) {
      try {
        const stored = await this.commands.execute(
          new UploadAttachmentCommand(actor, Readable.from([file.content]), file.filename, file.contentType, file.contentId),
        );
        ids.push(stored.id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        skipped.push(`${file.filename} (${error.code})`);
      }
    }
    return { ids, skipped };
  }

  /** A bounce marks the message it reports as failed and never becomes a ticket. */
  private async applyBounce(id: number, message: InboundMessage, identity: { sender: string | null; subject: string | null }) {
    const original = message.report?.originalMessageId ?? message.inReplyTo[0] ?? null;
    const diagnostic = [message.report?.status, message.report?.diagnostic].filter(Boolean).join(' ') || 'delivery failed';
    let ticketId: number | null = null;
    if (original) {
      const [row] = await this.sequelize.query<{ id: number; ticketId: number | null; entryId: number | null }>(
        'SELECT id, ticket_id AS ticketId, ticket_entry_id AS entryId FROM outbound_messages WHERE message_id = ? ORDER BY id DESC LIMIT 1',
        { replacements: [original], type: QueryTypes.SELECT },
      );
      if (row) {
        await this.sequelize.query(`UPDATE outbound_messages SET status = 'bounced', delivery_error = ? WHERE id = ?`, {
          replacements: [diagnostic.slice(0, 4000), row.id],
        });
        ticketId = row.ticketId == null ? null : Number(row.ticketId);
        // The bounced email carried a reply: an open ticket page shows it bounced without a reload.
        if (row.entryId != null) this.events.publish(new TicketEntryUpdatedEvent(Number(row.entryId), 'delivery'));
      }
    }
    await this.inbound.finish(id, {
      status: 'processed',
      route: 'bounce',
      routeReason: ticketId != null ? `bounce of our message <${original}>: marked it bounced` : `bounce of an unknown message${original ? ` <${original}>` : ''}`,
      ticketId,
      ...identity,
    });
  }

  private async suppressAutomaticMailTo(email: string, reason: string) {
    await this.sequelize.query(
      `INSERT INTO email_suppressions (email, reason, until) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE reason = VALUES(reason), until = VALUES(until)`,
      { replacements: [email.toLowerCase(), reason.slice(0, 80), new Date(Date.now() + SUPPRESS_AFTER_AUTOREPLY_MS)] },
    );
  }
}
