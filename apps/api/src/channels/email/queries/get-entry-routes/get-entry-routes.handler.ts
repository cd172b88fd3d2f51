import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { subject } from '@casl/ability';
import type { EntryRoute } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { EmailErrors } from '../../email.errors.js';
import { ThreadStore } from '../../threading/thread-store.js';
import { GetEntryRoutesQuery } from './get-entry-routes.query.js';

/** Why each email entry of a ticket landed on it. Staff who may work the ticket only (it names senders and references). */
@QueryHandler(GetEntryRoutesQuery)
export class GetEntryRoutesHandler implements IQueryHandler<GetEntryRoutesQuery, EntryRoute[]> {
  constructor(
    private readonly store: ThreadStore,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, ticketId }: GetEntryRoutesQuery): Promise<EntryRoute[]> {
    const ticket = await this.store.ticket(ticketId);
    const row = ticket && { id: ticket.id, requesterId: ticket.requesterId, companyId: ticket.companyId, assigneeId: null, status: ticket.status };
    if (!row || actor.ability.cannot('read', subject('Ticket', row))) throw EmailErrors.ticketNotFound(ticketId);
    if (actor.ability.cannot('comment', subject('Ticket', row))) throw EmailErrors.forbidden(`see how mail was routed to #${ticketId}`);
    const rows = await this.sequelize.query<{ entryId: number; route: string; reason: string; sender: string | null }>(
      `SELECT ticket_entry_id AS entryId, route, route_reason AS reason, sender FROM inbound_emails
        WHERE ticket_id = ? AND ticket_entry_id IS NOT NULL AND status = 'processed' ORDER BY ticket_entry_id`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ entryId: Number(r.entryId), route: r.route ?? 'new', reason: r.reason ?? '', sender: r.sender }));
  }
}
