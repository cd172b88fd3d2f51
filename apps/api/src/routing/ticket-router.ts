import { Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../audit/audit.repository.js';
import { StaffTicketNotices } from '../inbox/staff-ticket-notices.js';
import { TicketUpdatedEvent } from '../tickets/events/ticket-updated.event.js';
import { SystemActor } from '../users/system-actor.js';
import { RoutingClock } from './routing-clock.js';
import { RoutingRepository } from './routing.repository.js';
import { chooseAgent } from './strategies/choose-agent.js';

export type RouteOutcome = 'assigned' | 'waiting' | 'manual' | 'skipped';

const DRAIN_BATCH = 200;
const RETRIES = 5;
const isLockError = (error: unknown) => /Deadlock found|Lock wait timeout/i.test((error as Error)?.message ?? '');

/**
 * Gives tickets a team and an agent. One ticket is routed in a READ COMMITTED transaction that locks
 * the team row first (the round-robin cursor and the loads are read under that lock), then the ticket row.
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

  /** Hands a team's waiting tickets to whoever can take them, until nobody can. */
  async drain(teamId: number): Promise<number> {
    let assigned = 0;
    for (const ticketId of await this.routing.waiting(teamId, DRAIN_BATCH)) {
      const outcome = await this.assignInTeam(teamId, ticketId);
      if (outcome === 'assigned') assigned++;
      // Under skills-based routing a later ticket may need other skills; otherwise nobody is free now.
      if (outcome === 'manual' || (outcome === 'waiting' && !(await this.isSkillsBased(teamId)))) break;
    }
    return assigned;
  }

  private async isSkillsBased(teamId: number) {
    return this.sequelize.transaction(async (t) => (await this.routing.lockTeam(teamId, t))?.strategy === 'skills_based');
  }

  /**
   * The database lock is what makes routing correct across processes; this per-team queue only keeps
   * one process from parking a pooled connection per waiting ticket on that lock (200 tickets at once
   * would otherwise hold the whole pool while they wait their turn).
   */
  private readonly teamQueues = new Map<number, Promise<unknown>>();

  assignInTeam(teamId: number, ticketId: number): Promise<RouteOutcome> {
    const previous = this.teamQueues.get(teamId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.assignWithRetry(teamId, ticketId));
    this.teamQueues.set(teamId, next);
    void next.finally(() => {
      if (this.teamQueues.get(teamId) === next) this.teamQueues.delete(teamId);
    }).catch(() => undefined);
    return next;
  }

  private async assignWithRetry(teamId: number, ticketId: number): Promise<RouteOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tryAssign(teamId, ticketId);
      } catch (error) {
        if (!isLockError(error) || attempt >= RETRIES) throw error;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
      }
    }
  }

  private async tryAssign(teamId: number, ticketId: number): Promise<RouteOutcome> {
    const actor = await this.system.get();
    const result = await this.sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED }, async (transaction) => {
      const team = await this.routing.lockTeam(teamId, transaction);
      if (!team) return { outcome: 'skipped' as const };
      if (team.strategy === 'manual') return { outcome: 'manual' as const };
      await this.routing.lockTicket(ticketId, transaction);
      const ticket = await this.routing.ticket(ticketId, transaction);
      if (!ticket || ticket.teamId !== teamId || ticket.assigneeId || ticket.status === 'resolved' || ticket.status === 'closed') {
        return { outcome: 'skipped' as const };
      }
      const [candidates, needs] = await Promise.all([this.routing.candidates(teamId, transaction, this.clock.now()), this.routing.needs(ticket, transaction)]);
      const choice = chooseAgent(candidates, needs, { strategy: team.strategy, teamName: team.name, rrCursor: team.rrCursor });
      if (!choice) return { outcome: 'waiting' as const };
      if (!(await this.routing.assign(ticket.id, choice.agentId, transaction))) return { outcome: 'skipped' as const };
      if (team.strategy === 'round_robin') await this.routing.setCursor(teamId, choice.agentId, transaction);
      await this.routing.addEvent(ticket, 'assignee', choice.agentName, choice.reason, transaction);
      await this.notices.append('ticket.assigned', { ticketId: ticket.id, subject: ticket.subject, actorId: actor.user.id, recipientIds: [choice.agentId] }, transaction);
      await this.audit.record(
        actor,
        { action: 'ticket.routed', subjectType: 'Ticket', subjectId: ticket.id, after: { assigneeId: choice.agentId, teamId, reason: choice.reason } },
        transaction,
      );
      return { outcome: 'assigned' as const, choice };
    });
    if (result.outcome === 'assigned') {
      this.events.publish(new TicketUpdatedEvent(ticketId, [{ field: 'assignee', from: null, to: result.choice!.agentName }], actor.user.id));
      this.logger.debug(`ticket #${ticketId} -> ${result.choice!.agentName} (${result.choice!.reason})`);
    }
    return result.outcome;
  }
}
