import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { zTicketSla, zTicketSlaInput, zTicketSlasInput } from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { GetTicketSlasQuery } from './queries/get-ticket-slas/get-ticket-slas.query.js';
import { SlaErrors } from './sla.errors.js';

const tags = ['sla'];

@Injectable()
export class SlaRouter {
  constructor(private readonly queries: QueryBus) {}

  build() {
    return router({
      forTicket: requireAbility('read', 'SlaPolicy')
        .meta({ openapi: { method: 'GET', path: '/tickets/{ticketId}/sla', tags, protect: true, summary: 'The ticket’s SLA: the policy, why it applies, and each target’s due time and state' } })
        .input(zTicketSlaInput)
        .output(zTicketSla)
        .query(async ({ ctx, input }) => {
          const [sla] = await this.queries.execute(new GetTicketSlasQuery(ctx.actor, [input.ticketId]));
          if (!sla) throw SlaErrors.ticketNotFound(input.ticketId);
          return sla;
        }),
      forTickets: requireAbility('read', 'SlaPolicy')
        .input(zTicketSlasInput)
        .output(z.array(zTicketSla))
        .query(({ ctx, input }) => this.queries.execute(new GetTicketSlasQuery(ctx.actor, input.ticketIds))),
    });
  }
}
