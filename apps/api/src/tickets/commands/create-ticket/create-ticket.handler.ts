import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { derivePriority, type Ticket } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { TicketCreatedEvent } from '../../events/ticket-created.event.js';
import { toTicket } from '../../ticket.mapper.js';
import { TicketRepository } from '../../ticket.repository.js';
import { TicketErrors } from '../../tickets.errors.js';
import { CreateTicketCommand } from './create-ticket.command.js';

@CommandHandler(CreateTicketCommand)
export class CreateTicketHandler implements ICommandHandler<CreateTicketCommand, Ticket> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    private readonly events: EventBus,
    private readonly attachments: AttachmentLinker,
  ) {}

  async execute({ actor, data, channel }: CreateTicketCommand): Promise<Ticket> {
    if (actor.ability.cannot('create', 'Ticket')) throw TicketErrors.forbidden('create tickets');
    const requester = actor.user;

    const ticket = await this.sequelize.transaction(async (transaction) => {
      const created = await this.tickets.create(
        {
          subject: data.subject,
          description: data.description,
          status: 'open',
          urgency: data.urgency,
          importance: data.importance,
          priority: derivePriority(data.urgency, data.importance),
          channel,
          requesterId: requester.id,
          companyId: requester.companyId,
        },
        transaction,
      );
      const first = await this.tickets.addEntry(
        {
          ticketId: created.id,
          kind: requester.role === 'customer' ? 'message' : 'reply',
          visibility: 'public',
          authorId: requester.id,
          channel,
          body: data.description,
        },
        transaction,
      );
      await this.attachments.link(data.attachmentIds, requester.id, { ticketId: created.id, entryId: first.id, visibility: 'public' }, transaction);
      await this.audit.record(
        actor,
        { action: 'ticket.created', subjectType: 'Ticket', subjectId: created.id, after: { ...data, channel } },
        transaction,
      );
      await this.outbox.append(
        'ticket.created',
        { ticketId: created.id, subject: data.subject, requesterEmail: requester.email, requesterName: requester.name },
        transaction,
      );
      return created;
    });

    this.events.publish(new TicketCreatedEvent(ticket.id, requester.id, actor.user.id));
    return toTicket(ticket, actor.user, { requester, assignee: null });
  }
}
