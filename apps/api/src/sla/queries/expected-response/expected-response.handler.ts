import { subject } from '@casl/ability';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { TicketFields } from '../../../access/app-ability.js';
import { SlaErrors } from '../../sla.errors.js';
import { ExpectedResponseQuery } from './expected-response.query.js';

/**
 * The running first-response (or next-response) due time of a ticket the actor may read, shown only when
 * the ticket's company opted in (companies.show_sla_to_customers). Nothing else of the SLA leaves here.
 */
@QueryHandler(ExpectedResponseQuery)
export class ExpectedResponseHandler implements IQueryHandler<ExpectedResponseQuery, { dueAt: string | null; text: string | null }> {
  constructor(private readonly sequelize: Sequelize) {}

  async execute({ actor, ticketId }: ExpectedResponseQuery) {
    const [ticket] = await this.sequelize.query<TicketFields & { show: number | null }>(
      `SELECT t.id, t.requester_id AS requesterId, t.company_id AS companyId, t.assignee_id AS assigneeId, t.status, c.show_sla_to_customers AS \`show\`
       FROM tickets t LEFT JOIN companies c ON c.id = t.company_id WHERE t.id = ?`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    const { show, ...fields } = ticket ?? ({} as TicketFields & { show: null });
    if (!ticket || actor.ability.cannot('read', subject('Ticket', { ...fields }))) throw SlaErrors.ticketNotFound(ticketId);
    if (!Number(show)) return { dueAt: null, text: null };
    const [target] = await this.sequelize.query<{ dueAt: Date | string }>(
      `SELECT due_at AS dueAt FROM ticket_sla_targets WHERE ticket_id = ? AND metric IN ('first_response', 'next_response')
         AND met_at IS NULL AND breached_at IS NULL ORDER BY due_at LIMIT 1`,
      { replacements: [ticketId], type: QueryTypes.SELECT },
    );
    if (!target) return { dueAt: null, text: null };
    return { dueAt: new Date(target.dueAt).toISOString(), text: 'We aim to answer by' };
  }
}
