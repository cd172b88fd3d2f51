import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import { TicketPresenter } from '../../ticket.presenter.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketSubject } from '../../ticket.subject.js';
import { TicketErrors } from '../../tickets.errors.js';
import { GetTicketQuery } from './get-ticket.query.js';

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery, Ticket> {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly presenter: TicketPresenter,
  ) {}

  async execute({ actor, ticketId }: GetTicketQuery): Promise<Ticket> {
    const ticket = await this.tickets.findById(ticketId);
    // A ticket the actor may not read is reported as missing, so ids reveal nothing.
    if (!ticket || actor.ability.cannot('read', ticketSubject(ticket))) throw TicketErrors.notFound(ticketId);
    return this.presenter.presentOne(ticket, actor.user);
  }
}
