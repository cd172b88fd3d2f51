import { subject } from '@casl/ability';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EntryOriginal } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { htmlToText, sanitizeEntryHtml } from '../../../../tickets/bodies/entry-html.js';
import { EmailErrors } from '../../email.errors.js';
import { InboundEmailRepository } from '../../inbound/inbound-email.repository.js';
import { parseInbound } from '../../inbound/parse-inbound.js';
import { foldQuotedHistory } from '../../threading/quoted-history.js';
import { ThreadStore } from '../../threading/thread-store.js';
import { GetEntryOriginalQuery } from './get-entry-original.query.js';

/**
 * The original of an emailed entry, parsed again from the stored payload (inbound_emails keeps every
 * byte SendGrid posted): the whole text with the quoted history and signature the timeline folded
 * away. For staff who may work the ticket, like the route reasons (it names addresses).
 */
@QueryHandler(GetEntryOriginalQuery)
export class GetEntryOriginalHandler implements IQueryHandler<GetEntryOriginalQuery, EntryOriginal> {
  constructor(
    private readonly store: ThreadStore,
    private readonly inbound: InboundEmailRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, ticketId, entryId }: GetEntryOriginalQuery): Promise<EntryOriginal> {
    const ticket = await this.store.ticket(ticketId);
    const row = ticket && { id: ticket.id, requesterId: ticket.requesterId, companyId: ticket.companyId, assigneeId: null, status: ticket.status };
    if (!row || actor.ability.cannot('read', subject('Ticket', row))) throw EmailErrors.ticketNotFound(ticketId);
    if (actor.ability.cannot('comment', subject('Ticket', row))) throw EmailErrors.forbidden(`read the original mail of #${ticketId}`);
    const [found] = await this.sequelize.query<{ id: number; messageId: string }>(
      `SELECT id, message_id AS messageId FROM inbound_emails WHERE ticket_id = ? AND ticket_entry_id = ? AND status = 'processed' LIMIT 1`,
      { replacements: [ticketId, entryId], type: QueryTypes.SELECT },
    );
    if (!found) throw EmailErrors.entryNotEmailed(entryId);
    const message = await parseInbound(await this.inbound.payload(Number(found.id)));
    const text = message.text.trim() || (message.html ? htmlToText(sanitizeEntryHtml(message.html)) : '');
    return {
      entryId,
      messageId: found.messageId,
      from: message.from ? (message.from.name ? `${message.from.name} <${message.from.address}>` : message.from.address) : null,
      to: message.to.map((a) => a.address),
      cc: message.cc.map((a) => a.address),
      subject: message.subject,
      text,
      ...foldQuotedHistory(text),
      attachments: message.attachments.map((a) => a.filename),
    };
  }
}
