import { Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../audit/audit.repository.js';
import { StaffTicketNotices } from '../inbox/staff-ticket-notices.js';
import { TicketUpdatedEvent } from '../tickets/events/ticket-updated.event.js';
import { SystemActor } from '../users/system-actor.js';
import { RoutingClock } from './routing-clock.js';
import { RoutingRepository, type RoutableTicket } from './routing.repository.js';
import type { Choice } from './strategies/candidate.js';
import { chooseAgent } from './strategies/choose-agent.js';

export type RouteOutcome = 'assigned' | 'waiting' | 'manual' | 'skipped';

const DRAIN_BATCH = 200;
/** At most this many tickets of one team in one routing transaction (the team row stays locked meanwhile). */
const MAX_BATCH = 100;
const RETRIES = 5;
const isLockError = (error: unknown) => /Deadlock found|Lock wait timeout/i.test((error as Error)?.message ?? '');

/**
 * Gives tickets a team and an agent. A team's tickets are routed in batches, each in one READ COMMITTED
 * transaction that locks the team row first (the round-robin cursor and the loads are read under that
 * lock), then the tickets' rows (docs/decisions/028-routing-throughput.md).
 */
@Injectable()
export class TicketRouter {
  private readonly logger = new Logger(TicketRouter.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly routing: RoutingRepository,
    private readonly audit: AuditRepository,
    private readonly system: SystemActor,
    private readonly events: EventBus,
    private readonly clock: RoutingClock,
    private readonly notices: StaffTicketNotices,
  ) {}

  /** A new (or re-teamed) ticket: find its team if it has none, then try to assign it there. */
  async route(ticketId: number): Promise<RouteOutcome> {
    const ticket = await this.routing.ticket(ticketId);
    if (!ticket || ticket.assigneeId || ticket.status === 'resolved' || ticket.status === 'closed') return 'skipped';
    let teamId = ticket.teamId;
    if (!teamId) {
      const team = await this.routing.teamFor(ticket);
      if (!team) return 'skipped';
      const actor = await this.system.get();
      const set = await this.sequelize.transaction(async (transaction) => {
        if (!(await this.routing.setTeamIfUnset(ticket.id, team.id, transaction))) return false;
        await this.routing.addEvent(ticket, 'team', team.name, `routed by ${team.source}`, transaction);
        await this.audit.record(actor, { action: 'ticket.routed_to_team', subjectType: 'Ticket', subjectId: ticket.id, after: { teamId: team.id, reason: team.source } }, transaction);
        // "A ticket is created in my team": the team's members hear it (their notification preferences decide).
        await this.notices.teamTicket(ticket, team, actor.user.id, transaction);
        return true;
      });
      // Lost the race to someone who set a team meanwhile: start over with theirs. (No TicketUpdatedEvent
      // for the team: the routing saga would only route this ticket a second time.)
      if (!set) return this.route(ticketId);
      teamId = team.id;
    }
    return this.assignInTeam(teamId, ticketId);
  }

  /** Hands a team's waiting tickets (most urgent first) to whoever can take them, through the same batches as new tickets. */
  async drain(teamId: number): Promise<number> {
    const outcomes = await Promise.all((await this.routing.waiting(teamId, DRAIN_BATCH)).map((ticketId) => this.assignInTeam(teamId, ticketId)));
    return outcomes.filter((o) => o === 'assigned').length;
  }

  /**
   * Tickets waiting for their team's turn in this process. The database lock is what makes routing
   * correct across processes; this queue makes one process take that lock once for all the tickets
   * of a team that arrived meanwhile (up to MAX_BATCH), instead of once per ticket: 200 tickets at
   * once become a few transactions rather than 200 that each wait for the team row.
   */
  private readonly teamQueues = new Map<number, Pending[]>();

  assignInTeam(teamId: number, ticketId: number): Promise<RouteOutcome> {
    return new Promise<RouteOutcome>((resolve, reject) => {
      const queue = this.teamQueues.get(teamId);
      if (queue) {
        queue.push({ ticketId, resolve, reject });
        return;
      }
      // No queue: nobody works on this team here; start, and keep the queue while working.
      this.teamQueues.set(teamId, [{ ticketId, resolve, reject }]);
      void this.work(teamId);
    });
  }

  private async work(teamId: number) {
    for (;;) {
      const queue = this.teamQueues.get(teamId)!;
      if (queue.length === 0) {
        this.teamQueues.delete(teamId);
        return;
      }
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const outcomes = await this.assignWithRetry(teamId, [...new Set(batch.map((p) => p.ticketId))]);
        for (const p of batch) p.resolve(outcomes.get(p.ticketId) ?? 'skipped');
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
  }

  private async assignWithRetry(teamId: number, ticketIds: number[]): Promise<Map<number, RouteOutcome>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tryAssign(teamId, ticketIds);
      } catch (error) {
        if (!isLockError(error) || attempt >= RETRIES) throw error;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
      }
    }
  }

  /**
   * One transaction for a batch of a team's tickets: the team row, then the tickets (in id order), then
   * the candidates and their loads, read once under that lock; each ticket in turn gets its agent, the
   * chosen agent's load and the round-robin cursor moving in memory as they would between single
   * transactions; then one UPDATE, one INSERT each for the timeline events, notices and audit entries.
   */
  private async tryAssign(teamId: number, ticketIds: number[]): Promise<Map<number, RouteOutcome>> {
    const actor = await this.system.get();
    const outcomes = new Map<number, RouteOutcome>(ticketIds.map((id) => [id, 'skipped']));
    const assigned = await this.sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED }, async (transaction) => {
      const team = await this.routing.lockTeam(teamId, transaction);
      if (!team) return [];
      if (team.strategy === 'manual') {
        for (const id of ticketIds) outcomes.set(id, 'manual');
        return [];
      }
      await this.routing.lockTickets(ticketIds, transaction);
      const byId = new Map((await this.routing.tickets(ticketIds, transaction)).map((t) => [t.id, t]));
      const open = ticketIds
        .map((id) => byId.get(id))
        .filter((t): t is RoutableTicket => !!t && t.teamId === teamId && !t.assigneeId && t.status !== 'resolved' && t.status !== 'closed');
      if (open.length === 0) return [];
      const candidates = await this.routing.candidates(teamId, transaction, this.clock.now());
      for (const t of open) outcomes.set(t.id, 'waiting');
      if (!candidates.some((c) => c.load < c.capacity)) return [];
      const needs = await this.routing.needsOf(open, transaction);
      let rrCursor = team.rrCursor;
      const chosen: { ticket: RoutableTicket; choice: Choice }[] = [];
      for (const ticket of open) {
        const choice = chooseAgent(candidates, needs.get(ticket.id)!, { strategy: team.strategy, teamName: team.name, rrCursor });
        if (!choice) continue;
        // What the next ticket of the batch sees: exactly what a new transaction would read now.
        candidates.find((c) => c.id === choice.agentId)!.load++;
        rrCursor = choice.agentId;
        chosen.push({ ticket, choice });
      }
      if (chosen.length === 0) return [];
      // The rows are locked and were checked above: every one of them must change.
      const changed = await this.routing.assignMany(chosen.map((c) => ({ ticketId: c.ticket.id, agentId: c.choice.agentId })), transaction);
      if (changed !== chosen.length) throw new Error(`team ${teamId}: ${changed} of ${chosen.length} locked tickets assigned`);
      if (team.strategy === 'round_robin') await this.routing.setCursor(teamId, rrCursor!, transaction);
      await this.routing.addAssigneeEvents(chosen.map((c) => ({ ticket: c.ticket, to: c.choice.agentName, reason: c.choice.reason })), transaction);
      await this.notices.appendMany(
        'ticket.assigned',
        chosen.map((c) => ({ ticketId: c.ticket.id, subject: c.ticket.subject, actorId: actor.user.id, recipientIds: [c.choice.agentId] })),
        transaction,
      );
      await this.audit.recordMany(
        actor,
        chosen.map((c) => ({ action: 'ticket.routed', subjectType: 'Ticket', subjectId: c.ticket.id, after: { assigneeId: c.choice.agentId, teamId, reason: c.choice.reason } })),
        transaction,
      );
      return chosen;
    });
    for (const { ticket, choice } of assigned) {
      outcomes.set(ticket.id, 'assigned');
      this.events.publish(new TicketUpdatedEvent(ticket.id, [{ field: 'assignee', from: null, to: choice.agentName }], actor.user.id));
      this.logger.debug(`ticket #${ticket.id} -> ${choice.agentName} (${choice.reason})`);
    }
    return outcomes;
  }
}

interface Pending {
  ticketId: number;
  resolve: (outcome: RouteOutcome) => void;
  reject: (error: unknown) => void;
}
