import { Injectable, Logger } from '@nestjs/common';
import type { SlaMetric } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { countedTime } from './counted-time.js';
import { SlaTimersProducer } from './jobs/sla-timers.producer.js';
import { choosePolicy, targetTimes } from './policy-selection.js';
import { SlaClock } from './sla-clock.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';
import { SlaTargetRepository } from './sla-target.repository.js';
import { SlaTicketRepository } from './sla-ticket.repository.js';
import { newTarget, reviseTarget, withActiveTimes, type RevisionContext, type TargetRow } from './target-revision.js';

/** What just happened to the ticket, beyond what its row says, and when (the entry's time). */
export type SlaSignal = { kind: 'agent_reply' | 'customer_message'; at: Date } | null;

/**
 * Brings a ticket's SLA up to date with the ticket: picks the policy, creates the targets at creation,
 * meets, pauses, resumes and recomputes them, and starts a next-response target when a customer writes
 * after the first response. Reads the ticket as it is now, so applying it twice, late or out of order
 * gives the same rows. One transaction, with the ticket row locked.
 */
@Injectable()
export class SlaSync {
  private readonly logger = new Logger(SlaSync.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly tickets: SlaTicketRepository,
    private readonly policies: SlaPolicyRepository,
    private readonly targets: SlaTargetRepository,
    private readonly clock: SlaClock,
    private readonly timers: SlaTimersProducer,
  ) {}

  async apply(ticketId: number, signal: SlaSignal = null): Promise<TargetRow[]> {
    const now = this.clock.now();
    const saved = await this.sequelize.transaction(async (transaction) => {
      await this.tickets.lockTicket(ticketId, transaction);
      const ticket = await this.tickets.ticket(ticketId, transaction);
      if (!ticket) return [];
      const choice = choosePolicy(await this.policies.policies(transaction), ticket);
      const { policy } = choice;
      const times = targetTimes(policy, ticket.urgency, ticket.importance);
      const time = countedTime(policy.businessTime ? await this.policies.hours(policy.calendarId, transaction) : null);
      const minutes: Record<SlaMetric, number> = {
        first_response: times.firstResponseMinutes,
        next_response: times.nextResponseMinutes,
        resolution: times.resolutionMinutes,
      };
      const ctx: RevisionContext = {
        now,
        status: ticket.status,
        resolvedAt: ticket.resolvedAt,
        policyId: policy.id,
        minutes,
        pauseStatuses: policy.pauseStatuses,
        warnPercent: policy.warnPercent,
        time,
        agentRepliedAt: signal?.kind === 'agent_reply' ? signal.at : null,
      };

      const existing = await this.targets.targets(ticketId, transaction);
      // Created here if missing (also when a reply's event is applied before the creation's).
      for (const metric of ['first_response', 'resolution'] as const) {
        if (!existing.some((r) => r.metric === metric)) existing.push(newTarget(metric, 0, ticket.createdAt, ctx));
      }
      const rows = existing.map((row) => reviseTarget(row, ctx));
      if (signal?.kind === 'customer_message') {
        // Only a message written after the first response (events may be applied out of order) waits for a next one.
        const first = rows.find((r) => r.metric === 'first_response');
        const answered = first?.metAt && first.metAt <= signal.at;
        const awaiting = rows.some((r) => r.metric === 'next_response' && (!r.metAt || r.startedAt >= signal.at));
        const open = !['resolved', 'closed'].includes(ticket.status);
        if (answered && !awaiting && open) {
          const seq = Math.max(0, ...rows.filter((r) => r.metric === 'next_response').map((r) => r.seq)) + 1;
          const next = newTarget('next_response', seq, signal.at, ctx);
          // The answer may have been applied before this message: it meets the new target at once.
          const answeredAt = await this.tickets.firstAgentReplyAfter(ticketId, signal.at, transaction);
          rows.push(answeredAt ? withActiveTimes({ ...next, metAt: answeredAt }) : next);
        }
      }

      for (const row of rows) row.id = await this.targets.saveTarget(ticketId, row, transaction);
      const dues = rows.map((r) => r.activeDueAt).filter((d): d is Date => d !== null);
      const nextDue = dues.length ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null;
      await this.targets.saveTicketSla(ticketId, policy.id, `${policy.name}: ${choice.reason}`, nextDue, transaction);
      return rows;
    });
    await this.timers.plan(saved);
    return saved;
  }

  /** For event handlers: never throws (nestjs/cqrs#409); the reconciliation job repairs what failed. */
  async applySafely(ticketId: number, signal: SlaSignal = null) {
    try {
      await this.apply(ticketId, signal);
    } catch (error) {
      this.logger.error(`ticket #${ticketId}: SLA not updated: ${(error as Error).message}`);
    }
  }
}
