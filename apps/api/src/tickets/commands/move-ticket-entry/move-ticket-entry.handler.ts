import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { TicketEntryMovedEvent } from '../../events/ticket-entry-moved.event.js';
import { TicketPresenter } from '../../ticket.presenter.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { TicketErrors } from '../../tickets.errors.js';
import { MoveTicketEntryCommand } from './move-ticket-entry.command.js';

/**
 * Moves one customer message (and its files) from a ticket to another: both must be ones the agent
 * may work. Each timeline gets an event naming the other ticket, with the reason as its text; both
 * tickets' versions move on. The email channel follows the event (its Message-IDs thread to the new ticket).
 */
@CommandHandler(MoveTicketEntryCommand)
export class MoveTicketEntryHandler implements ICommandHandler<MoveTicketEntryCommand, Ticket> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly attachments: AttachmentLinker,
    private readonly audit: AuditRepository,
    private readonly presenter: TicketPresenter,
    private readonly events: EventBus,
  ) {}

  async execute({ actor, ticketId, entryId, targetId, reason }: MoveTicketEntryCommand): Promise<Ticket> {
    if (targetId === ticketId) throw TicketErrors.invalidReference('targetId', 'must be another ticket');
    const target = await this.sequelize.transaction(async (transaction) => {
      // Locked in id order, so two moves between the same pair cannot deadlock.
      const [first, second] = ticketId < targetId ? [ticketId, targetId] : [targetId, ticketId];
      const a = await this.tickets.findById(first, { transaction, forUpdate: true });
      const b = await this.tickets.findById(second, { transaction, forUpdate: true });
      const source = first === ticketId ? a : b;
      const dest = first === ticketId ? b : a;
      if (!source || actor.ability.cannot('read', ticketSubject(source))) throw TicketErrors.notFound(ticketId);
      if (actor.ability.cannot('update', ticketSubject(source))) throw TicketErrors.forbidden(`move messages of ticket #${ticketId}`);
      if (!dest || actor.ability.cannot('read', ticketSubject(dest))) throw TicketErrors.invalidReference('targetId', `ticket #${targetId} was not found`);
      if (actor.ability.cannot('update', ticketSubject(dest))) throw TicketErrors.forbidden(`move messages to ticket #${targetId}`);
      const entry = await this.tickets.findEntry(entryId, transaction);
      if (!entry || entry.ticketId !== source.id) throw TicketErrors.invalidReference('entryId', `ticket #${ticketId} has no entry ${entryId}`);
      if (entry.kind !== 'message') throw TicketErrors.invalidReference('entryId', 'only a customer message can be moved');

      await this.tickets.moveEntry(entry.id, dest.id, transaction);
      await this.attachments.followEntries([Number(entry.id)], dest.id, transaction);
      for (const [on, field, to] of [
        [source.id, 'moved_out', `#${dest.id}`],
        [dest.id, 'moved_in', `#${source.id}`],
      ] as const) {
        await this.tickets.addEntry(
          { ticketId: on, kind: 'event', visibility: 'public', authorId: actor.user.id, channel: source.channel, body: reason ?? '', eventField: field, eventFrom: null, eventTo: to },
          transaction,
        );
      }
      await this.tickets.updateIfVersion(source.id, source.version, {}, transaction);
      await this.tickets.updateIfVersion(dest.id, dest.version, {}, transaction);
      await this.audit.record(
        actor,
        { action: 'ticket.entry_moved', subjectType: 'Ticket', subjectId: source.id, after: { entryId: Number(entry.id), targetId: dest.id, reason } },
        transaction,
      );
      return dest;
    });
    this.events.publish(new TicketEntryMovedEvent(entryId, ticketId, target.id, actor.user.id, actor.user.name, 'moved', reason));
    return this.presenter.presentOne((await this.tickets.findById(target.id))!, actor.user);
  }
}
