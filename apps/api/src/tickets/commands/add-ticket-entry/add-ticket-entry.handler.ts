import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { EntryKind, TimelineEntry } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { assertMediaFits } from '../../../channels/twilio/media-limits.js';
import { WhatsappWindow } from '../../../channels/twilio/whatsapp-window.js';
import { StaffTicketNotices } from '../../../inbox/staff-ticket-notices.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { EntryCallsRepository } from '../../timeline/entry-calls.repository.js';
import { TicketCreatedEvent } from '../../events/ticket-created.event.js';
import { toStoredBody } from '../../bodies/entry-body.js';
import { NoteMentions } from '../../mentions/note-mentions.service.js';
import { TicketEntryAddedEvent } from '../../events/ticket-entry-added.event.js';
import { TicketUpdatedEvent } from '../../events/ticket-updated.event.js';
import { FollowUpTickets } from '../../links/follow-up-tickets.js';
import { toTimelineEntry } from '../../ticket.mapper.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { statusAfterCustomerMessage } from '../../ticket-workflow.js';
import { TicketErrors } from '../../tickets.errors.js';
import { AddTicketEntryCommand } from './add-ticket-entry.command.js';

@CommandHandler(AddTicketEntryCommand)
export class AddTicketEntryHandler implements ICommandHandler<AddTicketEntryCommand, TimelineEntry> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
    private readonly followUps: FollowUpTickets,
    private readonly attachments: AttachmentLinker,
    private readonly mentions: NoteMentions,
    private readonly outbox: OutboxRepository,
    private readonly whatsappWindow: WhatsappWindow,
    private readonly calls: EntryCallsRepository,
    private readonly notices: StaffTicketNotices,
  ) {}

  async execute({ actor, ticketId, body, bodyHtml, internal, channel, attachmentIds, origin }: AddTicketEntryCommand): Promise<TimelineEntry> {
    const outcome = await this.sequelize.transaction(async (transaction) => {
      const ticket = await this.tickets.findById(ticketId, { transaction, forUpdate: true });
      if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
      const action = internal ? 'comment' : 'reply';
      if (actor.ability.cannot(action, ticketSubject(ticket))) {
        throw TicketErrors.forbidden(internal ? 'add internal notes' : `reply to ticket #${ticketId}`);
      }
      const stored = toStoredBody({ body, bodyHtml }, { textBesideHtml: origin?.textBesideHtml });
      if (!stored.body) throw TicketErrors.emptyBody(bodyHtml ? 'bodyHtml' : 'body');
      // Only internal notes mention colleagues; a public reply never notifies staff.
      const mentioned = internal ? await this.mentions.resolve(stored.body, stored.bodyHtml, transaction) : null;

      // A customer here is the requester, or someone the email channel let in on this one ticket (a CC'd
      // participant, a colleague of the requester): either way their words are a customer message.
      const fromRequester = actor.user.role === 'customer';
      // Only the requester's public reply gets past a closed ticket: it reopens it within the reopen
      // window, and opens a linked follow-up ticket after it.
      if (ticket.status === 'closed' && (!fromRequester || internal)) throw TicketErrors.closed(ticketId);
      if (this.followUps.isDue(ticket)) {
        return { followUp: await this.followUps.open(actor, ticket, stored, channel, transaction) };
      }
      // A call a channel reports is public: the customer was on it.
      const kind: EntryKind = origin?.call ? 'call' : internal ? 'note' : fromRequester ? 'message' : 'reply';
      // A reply goes back on the ticket's channel; WhatsApp refuses free-form text after 24 hours.
      // (An approved template may be sent outside the window: that is what templates are for.)
      if (kind === 'reply' && ticket.channel === 'whatsapp' && !origin?.template) await this.whatsappWindow.assertOpen(ticketId, transaction);
      if (kind === 'reply') assertMediaFits(ticket.channel, attachmentIds?.length ?? 0);
      if (origin?.template && (kind !== 'reply' || ticket.channel !== 'whatsapp')) throw TicketErrors.invalidReference('id', 'templates can only be sent as replies on WhatsApp tickets');
      const entry = await this.tickets.addEntry(
        {
          ticketId,
          kind,
          visibility: internal ? 'internal' : 'public',
          authorId: actor.user.id,
          channel,
          body: stored.body,
          bodyHtml: mentioned?.bodyHtml ?? stored.bodyHtml,
          sourceKey: origin?.sourceKey,
        },
        transaction,
      );
      if (origin?.call) await this.calls.add(Number(entry.id), origin.call, transaction);
      if (origin?.template) await this.calls.addTemplate(Number(entry.id), origin.template, transaction);
      const files = await this.attachments.link(
        attachmentIds,
        actor.user.id,
        { ticketId, entryId: Number(entry.id), visibility: entry.visibility },
        transaction,
      );
      const mentions = mentioned
        ? await this.mentions.record(
            { entryId: Number(entry.id), text: stored.body, ticketId, subject: ticket.subject },
            mentioned.staff,
            actor.user,
            transaction,
          )
        : [];

      let reopenedFrom: string | null = null;
      const next = fromRequester ? statusAfterCustomerMessage(ticket.status) : ticket.status;
      if (next !== ticket.status) {
        await this.tickets.updateIfVersion(
          ticket.id,
          ticket.version,
          { status: next, resolvedAt: null, ...(ticket.status === 'closed' ? { closedAt: null } : {}) },
          transaction,
        );
        await this.tickets.addEntry(
          {
            ticketId,
            kind: 'event',
            visibility: 'public',
            authorId: actor.user.id,
            channel,
            body: '',
            eventField: 'status',
            eventFrom: ticket.status,
            eventTo: next,
          },
          transaction,
        );
        reopenedFrom = ticket.status;
      } else {
        await this.tickets.touch(ticket.id, transaction);
      }
      await this.audit.record(
        actor,
        {
          action: `ticket.${kind}_added`,
          subjectType: 'Ticket',
          subjectId: ticketId,
          after: {
            entryId: Number(entry.id),
            kind,
            ...(reopenedFrom ? { status: next } : {}),
            ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}),
          },
          ...(reopenedFrom ? { before: { status: reopenedFrom } } : {}),
        },
        transaction,
      );
      // A staff reply goes back to the customer on the ticket's channel (channels/reply-delivery.processor.ts).
      if (kind === 'reply') await this.outbox.append('ticket.reply', { ticketId, entryId: Number(entry.id) }, transaction);
      // The requester wrote on a ticket assigned to someone: the assignee's email (the in-app one is inbox/customer-replied.handler.ts).
      if (kind === 'message' && !internal && ticket.assigneeId && ticket.requesterId === actor.user.id) {
        await this.notices.append(
          'ticket.customer_replied',
          { ticketId, subject: ticket.subject, actorId: actor.user.id, recipientIds: [ticket.assigneeId], text: stored.body },
          transaction,
        );
      }
      return { entry, reopenedFrom, next, files, mentions };
    });

    if (outcome.followUp) {
      // The reply became the first message of a new ticket: the entry's ticketId tells the caller which.
      const { ticketId: newId, entry } = outcome.followUp;
      this.events.publish(new TicketCreatedEvent(newId, actor.user.id, actor.user.id));
      return toTimelineEntry(entry, actor.user, actor.user);
    }

    this.events.publish(
      new TicketEntryAddedEvent(ticketId, Number(outcome.entry.id), outcome.entry.kind, outcome.entry.visibility, actor.user.id),
    );
    if (outcome.reopenedFrom) {
      this.events.publish(
        new TicketUpdatedEvent(ticketId, [{ field: 'status', from: outcome.reopenedFrom, to: outcome.next }], actor.user.id),
      );
    }
    return toTimelineEntry(outcome.entry, actor.user, actor.user, outcome.mentions, outcome.files);
  }
}
