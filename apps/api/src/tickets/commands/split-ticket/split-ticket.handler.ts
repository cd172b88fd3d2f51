import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { TicketCreatedEvent } from '../../events/ticket-created.event.js';
import { TicketEntryMovedEvent } from '../../events/ticket-entry-moved.event.js';
import { TicketLinkRepository } from '../../links/ticket-link.repository.js';
import { TicketPresenter } from '../../ticket.presenter.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { TicketErrors } from '../../tickets.errors.js';
import { SplitTicketCommand } from './split-ticket.command.js';

const firstLine = (text: string) => (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200) || 'Split ticket';

/**
 * The message (and its files) moves to a new ticket of the same requester, with the original's
 * urgency, importance and category; a "split" link and an event on each side record where it went.
 */
@CommandHandler(SplitTicketCommand)
export class SplitTicketHandler implements ICommandHandler<SplitTicketCommand, Ticket> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly links: TicketLinkRepository,
    private readonly attachments: AttachmentLinker,
    private readonly audit: AuditRepository,
    private readonly presenter: TicketPresenter,
    private readonly events: EventBus,
  ) {}

  async execute({ actor, ticketId, entryId, subject, reason }: SplitTicketCommand): Promise<Ticket> {
    const created = await this.sequelize.transaction(async (transaction) => {
      const ticket = await this.tickets.findById(ticketId, { transaction, forUpdate: true });
      if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
      if (actor.ability.cannot('update', ticketSubject(ticket))) throw TicketErrors.forbidden(`split ticket #${ticketId}`);
      const entry = await this.tickets.findEntry(entryId, transaction);
      if (!entry || entry.ticketId !== ticket.id) throw TicketErrors.invalidReference('entryId', `ticket #${ticketId} has no entry ${entryId}`);
      if (entry.kind !== 'message') throw TicketErrors.invalidReference('entryId', 'only a customer message can be split off');

      const fresh = await this.tickets.create(
        {
          subject: subject ?? firstLine(entry.body),
          description: entry.body,
          status: 'open',
          urgency: ticket.urgency,
          importance: ticket.importance,
          priority: ticket.priority,
          channel: entry.channel,
          requesterId: ticket.requesterId,
          companyId: ticket.companyId,
          issueTypeId: null,
          categoryId: ticket.categoryId,
        },
        transaction,
      );
      await this.tickets.moveEntry(entry.id, fresh.id, transaction);
      await this.attachments.followEntries([Number(entry.id)], fresh.id, transaction);
      await this.links.link(ticket.id, fresh.id, 'split', actor.user.id, transaction);
      for (const [on, field, to] of [
        [ticket.id, 'split_into', `#${fresh.id}`],
        [fresh.id, 'split_from', `#${ticket.id}`],
      ] as const) {
        await this.tickets.addEntry(
          { ticketId: on, kind: 'event', visibility: 'public', authorId: actor.user.id, channel: ticket.channel, body: reason ?? '', eventField: field, eventFrom: null, eventTo: to },
          transaction,
        );
      }
      await this.tickets.updateIfVersion(ticket.id, ticket.version, {}, transaction);
      await this.audit.record(
        actor,
        { action: 'ticket.split', subjectType: 'Ticket', subjectId: ticket.id, after: { entryId: Number(entry.id), newTicketId: fresh.id, reason } },
        transaction,
      );
      return (await this.tickets.findById(fresh.id, { transaction }))!;
    });
    this.events.publish(new TicketCreatedEvent(created.id, created.requesterId, actor.user.id));
    this.events.publish(new TicketEntryMovedEvent(entryId, ticketId, created.id, actor.user.id, actor.user.name, 'split', reason));
    return this.presenter.presentOne(created, actor.user);
  }
}
