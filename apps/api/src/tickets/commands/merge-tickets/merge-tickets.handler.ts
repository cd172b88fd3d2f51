import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { AuditRepository } from '../../../audit/audit.repository.js';
import type { Actor } from '../../../common/actor.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { TicketUpdatedEvent } from '../../events/ticket-updated.event.js';
import { TicketLinkRepository } from '../../links/ticket-link.repository.js';
import type { TicketModel } from '../../ticket.model.js';
import { TicketPair } from '../../ticket-pair.js';
import { TicketPresenter } from '../../ticket.presenter.js';
import { TicketRepository } from '../../ticket.repository.js';
import { TicketErrors } from '../../tickets.errors.js';
import { MergeTicketsCommand } from './merge-tickets.command.js';

/**
 * One transaction: every entry of the source (with its files) moves to the target, where the
 * timeline interleaves them by time; tags are combined; the source is closed with a "merged" link
 * and an event on both; the requester is told once, through the outbox. Only tickets of the same
 * requester merge: moving one customer's messages onto another's ticket would show them to a stranger.
 */
@CommandHandler(MergeTicketsCommand)
export class MergeTicketsHandler implements ICommandHandler<MergeTicketsCommand, Ticket> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly pair: TicketPair,
    private readonly links: TicketLinkRepository,
    private readonly attachments: AttachmentLinker,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    private readonly presenter: TicketPresenter,
    private readonly events: EventBus,
  ) {}

  async execute({ actor, sourceId, targetId }: MergeTicketsCommand): Promise<Ticket> {
    const target = await this.sequelize.transaction(async (transaction) => {
      const [source, target] = await this.pair.lock(actor, sourceId, targetId, 'targetId', transaction);
      if (source.status === 'closed') throw TicketErrors.cannotMerge('id', `ticket #${source.id} is closed`);
      if (target.status === 'closed') throw TicketErrors.cannotMerge('targetId', `ticket #${target.id} is closed`);
      if (source.requesterId !== target.requesterId) {
        throw TicketErrors.cannotMerge('targetId', 'only tickets of the same requester can be merged');
      }

      const moved = await this.tickets.moveAllEntries(source.id, target.id, transaction);
      await this.attachments.followEntries(moved, target.id, transaction);
      const tags = await this.tickets.tagsFor([source.id, target.id]);
      const union = [...new Set([...(tags.get(target.id) ?? []), ...(tags.get(source.id) ?? [])])].sort();
      if (union.length !== (tags.get(target.id) ?? []).length) await this.tickets.setTags(target.id, union, transaction);

      const closed = await this.tickets.updateIfVersion(source.id, source.version, { status: 'closed', closedAt: new Date() }, transaction);
      if (!closed) throw TicketErrors.stale(source.id, source.version + 1, source.version, null, 0);
      await this.tickets.updateIfVersion(target.id, target.version, {}, transaction);
      await this.links.link(source.id, target.id, 'merged', actor.user.id, transaction);
      await this.event(actor, source, 'merged_into', `#${target.id}`, transaction);
      await this.event(actor, target, 'merged_from', `#${source.id}`, transaction);
      await this.audit.record(
        actor,
        { action: 'ticket.merged', subjectType: 'Ticket', subjectId: source.id, before: { status: source.status }, after: { status: 'closed', mergedInto: target.id, entriesMoved: moved.length } },
        transaction,
      );
      await this.audit.record(actor, { action: 'ticket.merge_received', subjectType: 'Ticket', subjectId: target.id, after: { mergedFrom: source.id } }, transaction);
      const requester = source.requester!;
      await this.outbox.append(
        'ticket.merged',
        { sourceId: source.id, targetId: target.id, subject: target.subject, requesterEmail: requester.email, requesterName: requester.name },
        transaction,
      );
      return (await this.tickets.findById(target.id, { transaction }))!;
    });
    this.events.publish(new TicketUpdatedEvent(sourceId, [{ field: 'status', from: null, to: 'closed' }], actor.user.id));
    return this.presenter.presentOne(target, actor.user);
  }

  private async event(actor: Actor, ticket: TicketModel, field: string, to: string, transaction: Transaction) {
    await this.tickets.addEntry(
      { ticketId: ticket.id, kind: 'event', visibility: 'public', authorId: actor.user.id, channel: ticket.channel, body: '', eventField: field, eventFrom: null, eventTo: to },
      transaction,
    );
  }
}
