import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SatisfactionRating } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { RatingRecorder } from '../../rating-recorder.js';
import { SatisfactionErrors } from '../../satisfaction.errors.js';
import { SatisfactionRepository } from '../../satisfaction.repository.js';
import { RateTicketCommand } from './rate-ticket.command.js';

@CommandHandler(RateTicketCommand)
export class RateTicketHandler implements ICommandHandler<RateTicketCommand, SatisfactionRating> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly ratings: SatisfactionRepository,
    private readonly recorder: RatingRecorder,
  ) {}

  async execute({ actor, ticketId, rating, comment }: RateTicketCommand): Promise<SatisfactionRating> {
    if (actor.ability.cannot('create', 'SatisfactionRating')) throw SatisfactionErrors.notRequester();
    return this.sequelize.transaction(async (transaction) => {
      const ticket = await this.ratings.ticket(ticketId, transaction, true);
      if (!ticket) throw SatisfactionErrors.notFound(ticketId);
      if (ticket.requesterId !== actor.user.id) {
        // Another customer's ticket does not exist for them; staff may see it but not rate for the customer.
        throw actor.user.role === 'customer' ? SatisfactionErrors.notFound(ticketId) : SatisfactionErrors.notRequester();
      }
      return this.recorder.record(
        ticket,
        { rating, comment, source: 'portal', ip: actor.ip, userAgent: actor.userAgent ?? null },
        transaction,
      );
    });
  }
}
