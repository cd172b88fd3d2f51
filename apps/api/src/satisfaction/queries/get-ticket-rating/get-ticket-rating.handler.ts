import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TicketRating } from '@switchboard/contracts';
import { SatisfactionErrors } from '../../satisfaction.errors.js';
import { toSatisfactionRating } from '../../satisfaction.mapper.js';
import { SatisfactionRepository } from '../../satisfaction.repository.js';
import { GetTicketRatingQuery } from './get-ticket-rating.query.js';

/** Staff read any ticket's rating; a customer only their own ticket's. */
@QueryHandler(GetTicketRatingQuery)
export class GetTicketRatingHandler implements IQueryHandler<GetTicketRatingQuery, TicketRating> {
  constructor(private readonly ratings: SatisfactionRepository) {}

  async execute({ actor, ticketId }: GetTicketRatingQuery): Promise<TicketRating> {
    const ticket = await this.ratings.ticket(ticketId);
    if (!ticket) throw SatisfactionErrors.notFound(ticketId);
    const staff = actor.user.role !== 'customer';
    if (!staff && ticket.requesterId !== actor.user.id) throw SatisfactionErrors.notFound(ticketId);
    if (actor.ability.cannot('read', 'SatisfactionRating')) throw SatisfactionErrors.notFound(ticketId);
    const row = await this.ratings.forTicket(ticketId);
    return { rating: row ? toSatisfactionRating(row) : null };
  }
}
