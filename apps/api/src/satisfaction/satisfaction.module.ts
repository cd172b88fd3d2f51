import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RateByTokenHandler } from './commands/rate-by-token/rate-by-token.handler.js';
import { RateTicketHandler } from './commands/rate-ticket/rate-ticket.handler.js';
import { GetTicketRatingHandler } from './queries/get-ticket-rating/get-ticket-rating.handler.js';
import { RatingLinkSigner } from './rating-link.signer.js';
import { RatingRecorder } from './rating-recorder.js';
import { SatisfactionRepository } from './satisfaction.repository.js';
import { SatisfactionRouter } from './satisfaction.router.js';
import { TicketResolvedHandler } from './ticket-resolved.handler.js';

/** Customer satisfaction: ratings from the portal and from signed one-click links. */
@Module({
  imports: [CqrsModule, AuditModule, OutboxModule],
  providers: [
    SatisfactionRepository,
    RatingRecorder,
    RatingLinkSigner,
    RateTicketHandler,
    RateByTokenHandler,
    GetTicketRatingHandler,
    TicketResolvedHandler,
    SatisfactionRouter,
  ],
  exports: [SatisfactionRouter],
})
export class SatisfactionModule {}
