import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { zRateByTokenInput, zRateTicketInput, zSatisfactionRating, zTicketRating, zTicketRatingInput } from '@switchboard/contracts';
import { publicProcedure, requireAbility, router } from '../trpc/trpc.js';
import { RateByTokenCommand } from './commands/rate-by-token/rate-by-token.command.js';
import { RateTicketCommand } from './commands/rate-ticket/rate-ticket.command.js';
import { GetTicketRatingQuery } from './queries/get-ticket-rating/get-ticket-rating.query.js';

const tags = ['satisfaction'];

@Injectable()
export class SatisfactionRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      rate: requireAbility('create', 'SatisfactionRating')
        .meta({ openapi: { method: 'PUT', path: '/tickets/{ticketId}/rating', tags, protect: true, summary: 'Rate your resolved or closed ticket 1-5; a later rating replaces the earlier one' } })
        .input(zRateTicketInput)
        .output(zSatisfactionRating)
        .mutation(({ ctx, input }) =>
          this.commands.execute(new RateTicketCommand(ctx.actor, input.ticketId, input.rating, input.comment)),
        ),
      forTicket: requireAbility('read', 'SatisfactionRating')
        .meta({ openapi: { method: 'GET', path: '/tickets/{ticketId}/rating', tags, protect: true, summary: 'The ticket’s satisfaction rating, or null' } })
        .input(zTicketRatingInput)
        .output(zTicketRating)
        .query(({ ctx, input }) => this.queries.execute(new GetTicketRatingQuery(ctx.actor, input.ticketId))),
      /** No sign-in: the signed, single-use token from the email is the credential. */
      rateByToken: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/ratings/by-token', tags, summary: 'Rate a ticket with the token of a one-click email link (single use)' } })
        .input(zRateByTokenInput)
        .output(zSatisfactionRating)
        .mutation(({ ctx, input }) =>
          this.commands.execute(
            new RateByTokenCommand(input.token, input.rating, input.comment, { ip: ctx.ip, userAgent: ctx.userAgent }),
          ),
        ),
    });
  }
}
