import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { zGetTicketInput, zLinkTicketsInput, zMergeTicketsInput, zMoveEntryInput, zSplitTicketInput, zTicket, zTicketId, zTicketLinks } from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../../trpc/trpc.js';
import { LinkTicketsCommand } from '../commands/link-tickets/link-tickets.command.js';
import { MergeTicketsCommand } from '../commands/merge-tickets/merge-tickets.command.js';
import { MoveTicketEntryCommand } from '../commands/move-ticket-entry/move-ticket-entry.command.js';
import { SplitTicketCommand } from '../commands/split-ticket/split-ticket.command.js';
import { GetTicketLinksQuery } from '../queries/get-ticket-links/get-ticket-links.query.js';

const tags = ['tickets'];

/** Procedures between tickets: links, merge, split. Merged into the tickets router. */
@Injectable()
export class TicketLinksRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      links: requireAbility('read', 'Ticket')
        .meta({ openapi: { method: 'GET', path: '/tickets/{id}/links', tags, protect: true, summary: 'Linked tickets: merged, split, follow-up, related' } })
        .input(zGetTicketInput)
        .output(zTicketLinks)
        .query(({ ctx, input }) => this.queries.execute(new GetTicketLinksQuery(ctx.actor, input.id))),
      link: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/links', tags, protect: true, summary: 'Link a related ticket' } })
        .input(zLinkTicketsInput)
        .output(zTicketLinks)
        .mutation(({ ctx, input }) => this.commands.execute(new LinkTicketsCommand(ctx.actor, input.id, input.otherId, false))),
      unlink: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'DELETE', path: '/tickets/{id}/links/{otherId}', tags, protect: true, summary: 'Remove a related link' } })
        .input(z.object({ id: zTicketId, otherId: zTicketId }))
        .output(zTicketLinks)
        .mutation(({ ctx, input }) => this.commands.execute(new LinkTicketsCommand(ctx.actor, input.id, input.otherId, true))),
      merge: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/merge', tags, protect: true, summary: 'Merge this ticket (a duplicate) into targetId; returns the target' } })
        .input(zMergeTicketsInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new MergeTicketsCommand(ctx.actor, input.id, input.targetId))),
      split: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/split', tags, protect: true, summary: 'Move one customer message to a new linked ticket; returns it' } })
        .input(zSplitTicketInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new SplitTicketCommand(ctx.actor, input.id, input.entryId, input.subject, input.reason ?? null))),
      moveEntry: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/move-entry', tags, protect: true, summary: 'Move one customer message to another existing ticket; returns the target' } })
        .input(zMoveEntryInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new MoveTicketEntryCommand(ctx.actor, input.id, input.entryId, input.targetId, input.reason ?? null))),
    });
  }
}
