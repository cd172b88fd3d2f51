import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SatisfactionRating } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { RatingLinkSigner } from '../../rating-link.signer.js';
import { RatingRecorder } from '../../rating-recorder.js';
import { SatisfactionErrors } from '../../satisfaction.errors.js';
import { SatisfactionRepository } from '../../satisfaction.repository.js';
import { RateByTokenCommand } from './rate-by-token.command.js';

@CommandHandler(RateByTokenCommand)
export class RateByTokenHandler implements ICommandHandler<RateByTokenCommand, SatisfactionRating> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly ratings: SatisfactionRepository,
    private readonly recorder: RatingRecorder,
    private readonly signer: RatingLinkSigner,
  ) {}

  async execute({ token, rating, comment, from }: RateByTokenCommand): Promise<SatisfactionRating> {
    const check = this.signer.verify(token);
    if (!check.ok) throw check.reason === 'expired' ? SatisfactionErrors.expiredLink() : SatisfactionErrors.invalidLink();
    const { id: tokenId, ticketId } = check.claims;
    return this.sequelize.transaction(async (transaction) => {
      const ticket = await this.ratings.ticket(ticketId, transaction, true);
      if (!ticket) throw SatisfactionErrors.invalidLink();
      // Status first: a link opened before the ticket was reopened is not used up by the refusal.
      const rated = await this.recorder.record(ticket, { rating, comment, source: 'link', ...from }, transaction);
      if (!(await this.ratings.useToken(tokenId, ticketId, transaction))) throw SatisfactionErrors.usedLink();
      return rated;
    });
  }
}
