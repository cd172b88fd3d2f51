import { subject } from '@casl/ability';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TicketSla } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { TicketFields } from '../../../access/app-ability.js';
import { toTicketSla } from '../../sla.mapper.js';
import { SlaClock } from '../../sla-clock.js';
import { SlaTargetRepository } from '../../sla-target.repository.js';
import { GetTicketSlasQuery } from './get-ticket-slas.query.js';

@QueryHandler(GetTicketSlasQuery)
export class GetTicketSlasHandler implements IQueryHandler<GetTicketSlasQuery, TicketSla[]> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly repo: SlaTargetRepository,
    private readonly clock: SlaClock,
  ) {}

  async execute({ actor, ticketIds }: GetTicketSlasQuery): Promise<TicketSla[]> {
    const ids = [...new Set(ticketIds)];
    if (ids.length === 0) return [];
    const tickets = await this.sequelize.query<TicketFields>(
      `SELECT id, requester_id AS requesterId, company_id AS companyId, assignee_id AS assigneeId, status FROM tickets WHERE id IN (?)`,
      { replacements: [ids], type: QueryTypes.SELECT },
    );
    const readable = tickets.filter((t) => actor.ability.can('read', subject('Ticket', { ...t }))).map((t) => Number(t.id));
    const [slas, targets] = await Promise.all([this.repo.ticketSlas(readable), this.repo.targetsFor(readable)]);
    const now = this.clock.now();
    const byId = new Map(slas.map((s) => [s.ticketId, s]));
    return ids.filter((id) => byId.has(id)).map((id) => toTicketSla(id, byId.get(id)!, targets.get(id) ?? [], now));
  }
}
