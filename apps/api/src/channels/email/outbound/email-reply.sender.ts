import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { buffer } from 'node:stream/consumers';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from '../../../attachments/storage/attachment-storage.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { LocalMailer } from '../../../notifications/local-mailer.js';
import type { OutgoingReply, ReplySender } from '../../outgoing-reply.js';
import { ReplySenders } from '../../reply-senders.js';
import { SupportAddresses } from '../addresses/support-addresses.js';
import { EmailTemplates } from '../templates/email-templates.js';
import { replyAddress } from '../threading/reply-token.js';
import { replySubject } from '../threading/subject.js';
import { ThreadStore } from '../threading/thread-store.js';

/** The Message-ID of the email that carries a reply entry: stable, so a retried job sends the same one. */
export const replyMessageId = (entryId: number, ticketId: number, supportAddress: string) =>
  `reply-${entryId}.t${ticketId}@${supportAddress.slice(supportAddress.lastIndexOf('@') + 1)}`;

/**
 * Staff replies on email tickets go back as email that continues the customer's thread: our own
 * Message-ID (remembered for threading), In-Reply-To the customer's last message, References the
 * thread, `[#number]` in the subject, Reply-To the ticket's signed plus-address, CCs kept, files
 * attached. Registered for the `email` channel only; portal and api tickets keep the generic
 * notification (channels/reply-delivery.processor.ts), which also carries `[#number]`.
 */
@Injectable()
export class EmailReplySender implements ReplySender, OnModuleInit {
  constructor(
    private readonly senders: ReplySenders,
    private readonly mailer: LocalMailer,
    private readonly store: ThreadStore,
    private readonly sequelize: Sequelize,
    private readonly addresses: SupportAddresses,
    private readonly templates: EmailTemplates,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.senders.register(['email'], this);
  }

  async send(reply: OutgoingReply): Promise<void> {
    // The address the customer wrote to (a company's own, or SUPPORT_EMAIL): the reply comes From it.
    const from = await this.addresses.forTicket(reply.ticketId);
    const support = from.address;
    const messageId = replyMessageId(reply.entryId, reply.ticketId, support);
    const inReplyTo = await this.store.lastInbound(reply.ticketId);
    const references = (await this.store.threadIds(reply.ticketId)).filter((id) => id !== messageId);
    const cc = (await this.store.participants(reply.ticketId)).filter((e) => e !== reply.requester.email.toLowerCase());
    // The company's reply wrapper (liquid); turned off, the reply goes out as the agent wrote it.
    const subject = replySubject(reply.ticketId, reply.ticketSubject);
    const { companyId, vars } = await this.templates.ticketVars(reply.ticketId, { subject: reply.ticketSubject, requesterName: reply.requester.name });
    const wrapped = await this.templates.render('reply', companyId, {
      ...vars,
      agent: { name: reply.author.name },
      reply: { subject, text: reply.body, html: reply.bodyHtml ?? '' },
    });
    // Known before it leaves: the customer's answer may arrive before this job finishes.
    await this.store.rememberMessageId({ messageId, ticketId: reply.ticketId, entryId: reply.entryId, direction: 'out' });
    await this.mailer.send(reply.outboxId, {
      recipient: reply.requester.email,
      cc,
      fromName: `${reply.author.name} (${from.displayName ?? this.config.email.supportName})`,
      fromAddress: support,
      subject: wrapped?.subject || subject,
      body: wrapped?.text ?? reply.body,
      html: wrapped ? wrapped.html || null : reply.bodyHtml,
      ticketId: reply.ticketId,
      ticketEntryId: reply.entryId,
      automatic: false,
      messageId,
      inReplyTo,
      references,
      replyTo: replyAddress(support, reply.ticketId, this.config.signingSecret),
      attachments: await this.files(reply.attachmentIds),
    });
  }

  private async files(ids: number[]) {
    if (ids.length === 0) return [];
    const rows = await this.sequelize.query<{ storageKey: string; filename: string; contentType: string }>(
      `SELECT storage_key AS storageKey, filename, content_type AS contentType FROM attachments WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`,
      { replacements: ids, type: QueryTypes.SELECT },
    );
    const files = [];
    for (const row of rows) {
      const stream = await this.storage.get(row.storageKey);
      if (stream) files.push({ filename: row.filename, contentType: row.contentType, content: await buffer(stream) });
    }
    return files;
  }
}
