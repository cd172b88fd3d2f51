import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zCreateTicketInput,
  zGetTicketInput,
  zListTicketsInput,
  zReplyInput,
  zTicket,
  zTicketPage,
  zTimeline,
  zTimelineEntry,
  zTimelineInput,
  zTicketTransitionInput,
  zUpdateTicketInput,
  zBulkUpdateInput,
  zBulkUpdateResult,
  zGetTicketInput as zTakeInput,
} from '@switchboard/contracts';
import { mergeRouters, requireAbility, router } from '../trpc/trpc.js';
import { TicketLinksRouter } from './links/ticket-links.router.js';
import type { Context } from '../trpc/context.js';
import { AddTicketEntryCommand } from './commands/add-ticket-entry/add-ticket-entry.command.js';
import { CloseTicketCommand } from './commands/close-ticket/close-ticket.command.js';
import { CreateTicketCommand } from './commands/create-ticket/create-ticket.command.js';
import { BulkUpdateTicketsCommand } from './commands/bulk-update-tickets/bulk-update-tickets.command.js';
import { ReopenTicketCommand } from './commands/reopen-ticket/reopen-ticket.command.js';
import { UpdateTicketCommand } from './commands/update-ticket/update-ticket.command.js';
import { GetTicketQuery } from './queries/get-ticket/get-ticket.query.js';
import { GetTimelineQuery } from './queries/get-timeline/get-timeline.query.js';
import { ListTicketsQuery } from './queries/list-tickets/list-tickets.query.js';

const tags = ['tickets'];
/** Calls through REST come from integrators; calls through tRPC from the portal and workspace. */
const channelOf = (ctx: Context) => (ctx.surface === 'rest' ? 'api' : 'portal');

/** Each procedure: check the ability, dispatch one command or query, return the mapped result. */
@Injectable()
export class TicketsRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly links: TicketLinksRouter,
  ) {}

  build() {
    return mergeRouters(this.procedures(), this.links.build());
  }

  private procedures() {
    return router({
      create: requireAbility('create', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets', tags, protect: true, summary: 'Open a ticket' } })
        .input(zCreateTicketInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new CreateTicketCommand(ctx.actor, input, channelOf(ctx)))),
      list: requireAbility('read', 'Ticket')
        .meta({ openapi: { method: 'GET', path: '/tickets', tags, protect: true, summary: 'Tickets you may read, newest first' } })
        .input(zListTicketsInput)
        .output(zTicketPage)
        .query(({ ctx, input }) => this.queries.execute(new ListTicketsQuery(ctx.actor, input))),
      get: requireAbility('read', 'Ticket')
        .meta({ openapi: { method: 'GET', path: '/tickets/{id}', tags, protect: true, summary: 'One ticket' } })
        .input(zGetTicketInput)
        .output(zTicket)
        .query(({ ctx, input }) => this.queries.execute(new GetTicketQuery(ctx.actor, input.id))),
      timeline: requireAbility('read', 'Ticket')
        .meta({ openapi: { method: 'GET', path: '/tickets/{id}/timeline', tags, protect: true, summary: 'The ticket timeline: the newest page first (chronological within it); pass olderCursor as before for older entries' } })
        .input(zTimelineInput)
        .output(zTimeline)
        .query(({ ctx, input }) => this.queries.execute(new GetTimelineQuery(ctx.actor, input.id, { before: input.before, limit: input.limit, kinds: input.kinds }))),
      reply: requireAbility('reply', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/replies', tags, protect: true, summary: 'Reply publicly, or add an internal note with internal: true (@mentions in notes notify staff). A requester’s reply to a ticket closed longer than the reopen window opens a linked follow-up ticket: the returned entry’s ticketId names it.' } })
        .input(zReplyInput)
        .output(zTimelineEntry)
        .mutation(({ ctx, input }) =>
          this.commands.execute(
            new AddTicketEntryCommand(ctx.actor, input.id, input.body ?? '', input.internal, channelOf(ctx), input.attachmentIds, input.bodyHtml),
          ),
        ),
      update: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'PATCH', path: '/tickets/{id}', tags, protect: true, summary: 'Change status, urgency or importance; send the version you read' } })
        .input(zUpdateTicketInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => {
          const { id, ...data } = input;
          return this.commands.execute(new UpdateTicketCommand(ctx.actor, id, data));
        }),
      take: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/take', tags, protect: true, summary: 'Assign the ticket to yourself' } })
        .input(zTakeInput)
        .output(zTicket)
        .mutation(({ ctx, input }) =>
          this.commands.execute(new UpdateTicketCommand(ctx.actor, input.id, { assigneeId: ctx.actor.user.id })),
        ),
      bulkUpdate: requireAbility('update', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/bulk', tags, protect: true, summary: 'Apply one change to many tickets; reports each failure' } })
        .input(zBulkUpdateInput)
        .output(zBulkUpdateResult)
        .mutation(({ ctx, input }) => this.commands.execute(new BulkUpdateTicketsCommand(ctx.actor, input.ids, input.changes))),
      close: requireAbility('close', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/close', tags, protect: true, summary: 'Close a ticket (requesters: their own)' } })
        .input(zTicketTransitionInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new CloseTicketCommand(ctx.actor, input.id, input.version))),
      reopen: requireAbility('reopen', 'Ticket')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/reopen', tags, protect: true, summary: 'Reopen a resolved ticket (requesters: their own)' } })
        .input(zTicketTransitionInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new ReopenTicketCommand(ctx.actor, input.id, input.version))),
    });
  }
}
