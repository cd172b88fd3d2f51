import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Timeline } from '@switchboard/contracts';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { AttachmentLinker } from '../../../attachments/attachment-linker.js';
import { toTimelineEntry } from '../../ticket.mapper.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { TicketErrors } from '../../tickets.errors.js';
import { GetTimelineQuery } from './get-timeline.query.js';

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, Timeline> {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly attachments: AttachmentLinker,
  ) {}

  async execute({ actor, ticketId }: GetTimelineQuery): Promise<Timeline> {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
    // Internal notes are filtered out in SQL for anyone whose rules only allow public entries.
    const visible = accessibleWhere(actor.ability, 'read', 'TicketEntry');
    if (visible === null) return { entries: [] };
    const entries = await this.tickets.timeline(ticketId, visible);
    // Files of the visible entries only: an internal note's attachments never reach a customer.
    const files = await this.attachments.forEntries(entries.map((e) => Number(e.id)));
    return { entries: entries.map((e) => toTimelineEntry(e, actor.user, undefined, files.get(Number(e.id)))) };
  }
}
