import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { derivePriority, type Ticket } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { toCustomField } from '../../../catalog/catalog.mapper.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { sanitizeEntryHtml } from '../../bodies/entry-html.js';
import { fromFieldRows } from '../../custom-field-values.js';
import { TicketCreatedEvent } from '../../events/ticket-created.event.js';
import { toTicket } from '../../ticket.mapper.js';
import { TicketReferences } from '../../ticket-references.js';
import { EntryCallsRepository } from '../../timeline/entry-calls.repository.js';
import { TicketRepository } from '../../ticket.repository.js';
import { TicketErrors } from '../../tickets.errors.js';
import { CreateTicketCommand } from './create-ticket.command.js';

@CommandHandler(CreateTicketCommand)
export class CreateTicketHandler implements ICommandHandler<CreateTicketCommand, Ticket> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: TicketRepository,
    private readonly references: TicketReferences,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    private readonly events: EventBus,
    private readonly attachments: AttachmentLinker,
    private readonly calls: EntryCallsRepository,
  ) {}

  async execute({ actor, data, channel }: CreateTicketCommand): Promise<Ticket> {
    if (actor.ability.cannot('create', 'Ticket')) throw TicketErrors.forbidden('create tickets');
    const requester = actor.user;
    const customer = requester.role === 'customer';
    if (customer && data.tags?.length) throw TicketErrors.invalidReference('tags', 'only support staff can tag tickets');

    // Reference data is checked before the transaction: the insert path stays short.
    const type = data.issueTypeId ? await this.references.issueType(data.issueTypeId, { forCustomer: customer }) : null;
    const category = data.categoryId ? await this.references.category(data.categoryId) : null;
    const fieldRows = this.references.fieldRows(type, data.customFields, { requireAll: true, customer });
    const tags = [...new Set(data.tags ?? [])];

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
          issueTypeId: type?.id ?? null,
          categoryId: category?.id ?? null,
        },
        transaction,
      );
      const first = await this.tickets.addEntry(
        {
          ticketId: created.id,
          kind: data.origin?.call ? 'call' : customer ? 'message' : 'reply',
          visibility: 'public',
          authorId: requester.id,
          channel,
          body: data.description,
          // The email channel passes the HTML of a message whose inline images are shown in place.
          ...(data.descriptionHtml ? { bodyHtml: sanitizeEntryHtml(data.descriptionHtml) } : {}),
          sourceKey: data.origin?.sourceKey,
        },
        transaction,
      );
      if (data.origin?.call) await this.calls.add(first.id, data.origin.call, transaction);
      if (tags.length) await this.tickets.setTags(created.id, tags, transaction);
      await this.tickets.replaceFieldRows(created.id, fieldRows, transaction);
      await this.attachments.link(data.attachmentIds, requester.id, { ticketId: created.id, entryId: first.id, visibility: 'public' }, transaction);
      await this.audit.record(
        actor,
        { action: 'ticket.created', subjectType: 'Ticket', subjectId: created.id, after: { ...data, origin: undefined, channel } },
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
    const fields = (type?.fields ?? []).filter((f) => !f.retired && (!customer || f.customerVisible)).map(toCustomField);
    return toTicket({ ...ticket, requester, assignee: null, issueType: type, category, team: null }, actor.user, {
      tags,
      customFields: fromFieldRows(fields, [...fieldRows.values()].flat()),
    });
  }
}
