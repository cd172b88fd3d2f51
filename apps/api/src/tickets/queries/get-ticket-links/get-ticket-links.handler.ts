import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LinkKind, TicketLink } from '@switchboard/contracts';
import { Op } from 'sequelize';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { TicketLinkRepository } from '../../links/ticket-link.repository.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { TicketErrors } from '../../tickets.errors.js';
import { GetTicketLinksQuery } from './get-ticket-links.query.js';

/** The ticket's links, naming only linked tickets the caller may read (filtered in SQL). */
@QueryHandler(GetTicketLinksQuery)
export class GetTicketLinksHandler implements IQueryHandler<GetTicketLinksQuery, { links: TicketLink[] }> {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly links: TicketLinkRepository,
  ) {}

  async execute({ actor, ticketId }: GetTicketLinksQuery) {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
    const rows = await this.links.forTicket(ticketId);
    const otherIds = [...new Set(rows.map((r) => (r.sourceTicketId === ticketId ? r.targetTicketId : r.sourceTicketId)))];
    const visible = accessibleWhere(actor.ability, 'read', 'Ticket');
    if (visible === null || otherIds.length === 0) return { links: [] };
    const others = await this.tickets.list({ [Op.and]: [visible, { id: { [Op.in]: otherIds } }] }, [['id', 'ASC']], otherIds.length);
    const byId = new Map(others.map((t) => [t.id, t]));
    const links: TicketLink[] = [];
    for (const r of rows) {
      const outgoing = r.sourceTicketId === ticketId;
      const other = byId.get(outgoing ? r.targetTicketId : r.sourceTicketId);
      if (!other) continue;
      links.push({
        kind: r.kind as LinkKind,
        direction: outgoing ? 'outgoing' : 'incoming',
        ticket: { id: other.id, number: other.id, subject: other.subject, status: other.status },
      });
    }
    return { links };
  }
}
