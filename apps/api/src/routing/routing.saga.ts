import { Injectable } from '@nestjs/common';
import { ofType, Saga, type ICommand, type IEvent } from '@nestjs/cqrs';
import { filter, map, mergeMap, type Observable } from 'rxjs';
import { AgentAvailabilityChangedEvent } from '../people/events/agent-availability-changed.event.js';
import { AgentSuspendedEvent } from '../people/events/agent-suspended.event.js';
import { TeamChangedEvent } from '../people/events/team-changed.event.js';
import { TicketCreatedEvent } from '../tickets/events/ticket-created.event.js';
import { TicketUpdatedEvent } from '../tickets/events/ticket-updated.event.js';
import { DrainTeamQueueCommand } from './commands/drain-team-queue/drain-team-queue.command.js';
import { ReleaseAgentTicketsCommand } from './commands/release-agent-tickets/release-agent-tickets.command.js';
import { RouteTicketCommand } from './commands/route-ticket/route-ticket.command.js';

/**
 * Routing reacts to what happened elsewhere and only maps events to commands (the handlers never
 * throw, so the streams never die): a new ticket is routed; an agent who comes online (or whose
 * profile changed), a team that changed, and a ticket that frees capacity drain the waiting queue;
 * a suspended agent's tickets are handed back.
 */
@Injectable()
export class RoutingSaga {
  @Saga()
  ticketCreated = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(TicketCreatedEvent),
      map((event) => new RouteTicketCommand(event.ticketId)),
    );

  @Saga()
  agentAvailable = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(AgentAvailabilityChangedEvent),
      filter((event) => event.availability === 'online'),
      map((event) => new DrainTeamQueueCommand({ userId: event.userId })),
    );

  /** A suspended agent's open tickets are unassigned (with a timeline reason); their TicketUpdated events re-route them. */
  @Saga()
  agentSuspended = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(AgentSuspendedEvent),
      map((event) => new ReleaseAgentTicketsCommand(event.userId, event.name)),
    );

  @Saga()
  teamChanged = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(TeamChangedEvent),
      map((event) => new DrainTeamQueueCommand({ teamIds: [event.teamId] })),
    );

  @Saga()
  ticketUpdated = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(TicketUpdatedEvent),
      mergeMap((event) => {
        const commands: ICommand[] = [];
        const freed = event.changes.some((c) => (c.field === 'status' && (c.to === 'resolved' || c.to === 'closed')) || (c.field === 'assignee' && c.from !== null));
        const requeued = event.changes.some((c) => (c.field === 'team' && c.to !== null) || (c.field === 'assignee' && c.to === null));
        if (freed) commands.push(new DrainTeamQueueCommand({ freedByTicketId: event.ticketId }));
        if (requeued) commands.push(new RouteTicketCommand(event.ticketId));
        return commands;
      }),
    );
}
