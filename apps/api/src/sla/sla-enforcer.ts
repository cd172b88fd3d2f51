import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LEVELS, SLA_METRIC_LABELS, type Level } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../audit/audit.repository.js';
import { DomainError } from '../common/domain-error.js';
import { insertRow } from '../database/insert-row.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { UpdateTicketCommand, type UpdateTicketData } from '../tickets/commands/update-ticket/update-ticket.command.js';
import { SystemActor } from '../users/system-actor.js';
import type { PolicyRecord } from './policy-selection.js';
import { SlaRepository, type Recipient, type TicketFacts } from './sla.repository.js';

/**
 * Fires warnings and breaches. The conditional UPDATE (`... WHERE breached_at IS NULL AND due_at <= now`)
 * decides, so a delayed job and the reconciliation job racing, or a job delivered twice, record one breach,
 * one timeline event, one set of notifications. Everything but the escalation commits in that transaction;
 * the escalation is an ordinary ticket update by the system user afterwards.
 */
@Injectable()
export class SlaEnforcer {
  private readonly logger = new Logger(SlaEnforcer.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly repo: SlaRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditRepository,
    private readonly system: SystemActor,
    private readonly commands: CommandBus,
  ) {}

  /** True when this call recorded the breach. */
  async breach(targetId: number, now: Date): Promise<boolean> {
    const actor = await this.system.get();
    const outcome = await this.sequelize.transaction(async (transaction) => {
      if (!(await this.repo.markBreached(targetId, now, transaction))) return null;
      const target = (await this.repo.target(targetId, transaction))!;
      const ticket = (await this.repo.ticket(target.ticketId, transaction))!;
      const recipients = await this.recipients(ticket, true, transaction);
      await insertRow(
        this.sequelize,
        'ticket_entries',
        {
          ticketId: ticket.id,
          kind: 'event',
          visibility: 'internal',
          authorId: actor.user.id,
          channel: ticket.channel,
          body: '',
          eventField: 'sla',
          eventFrom: target.metric,
          eventTo: 'breached',
          createdAt: now,
        },
        transaction,
      );
      await this.repo.recordNotifications(targetId, ticket.id, 'breach', recipients, transaction);
      if (recipients.length) {
        await this.outbox.append('sla.breached', this.payload(ticket, target.metric, target.dueAt, recipients), transaction);
      }
      await this.audit.record(
        actor,
        {
          action: 'sla.breached',
          subjectType: 'Ticket',
          subjectId: ticket.id,
          after: { metric: target.metric, dueAt: target.dueAt.toISOString(), breachedAt: now.toISOString() },
        },
        transaction,
      );
      const policy = (await this.repo.policies(transaction)).find((p) => p.id === target.policyId) ?? null;
      return { ticket, policy };
    });
    if (!outcome) return false;
    if (outcome.policy) await this.escalate(outcome.ticket, outcome.policy);
    return true;
  }

  /** True when this call recorded the warning. */
  async warn(targetId: number, now: Date): Promise<boolean> {
    return this.sequelize.transaction(async (transaction) => {
      if (!(await this.repo.markWarned(targetId, now, transaction))) return false;
      const target = (await this.repo.target(targetId, transaction))!;
      const ticket = (await this.repo.ticket(target.ticketId, transaction))!;
      const recipients = await this.recipients(ticket, false, transaction);
      await this.repo.recordNotifications(targetId, ticket.id, 'warning', recipients, transaction);
      if (recipients.length) {
        await this.outbox.append('sla.warning', this.payload(ticket, target.metric, target.dueAt, recipients), transaction);
      }
      return true;
    });
  }

  /** Warnings go to the assignee (the managers when nobody is assigned); breaches to the assignee and the managers. */
  private async recipients(ticket: TicketFacts, breach: boolean, transaction: Transaction): Promise<Recipient[]> {
    const assignee = ticket.assigneeId ? await this.repo.user(ticket.assigneeId, transaction) : null;
    const managers = breach || !assignee ? await this.repo.managers(transaction) : [];
    const all = [...(assignee ? [assignee] : []), ...managers];
    return all.filter((r, i) => all.findIndex((o) => o.id === r.id) === i).map((r) => ({ id: Number(r.id), email: r.email, name: r.name }));
  }

  private payload(ticket: TicketFacts, metric: keyof typeof SLA_METRIC_LABELS, dueAt: Date, recipients: Recipient[]) {
    return { ticketId: ticket.id, subject: ticket.subject, metric, dueAt: dueAt.toISOString(), recipients };
  }

  /** The policy's escalation: one urgency level up, and/or a team or assignee. Failures are logged, not thrown. */
  private async escalate(ticket: TicketFacts, policy: PolicyRecord) {
    const data: UpdateTicketData = {};
    if (policy.escalateUrgency && ticket.urgency !== 'critical') data.urgency = LEVELS[LEVELS.indexOf(ticket.urgency) + 1] as Level;
    if (policy.escalateTeamId && policy.escalateTeamId !== ticket.teamId) data.teamId = policy.escalateTeamId;
    if (policy.escalateAssigneeId && policy.escalateAssigneeId !== ticket.assigneeId) data.assigneeId = policy.escalateAssigneeId;
    if (Object.keys(data).length === 0) return;
    try {
      await this.commands.execute(new UpdateTicketCommand(await this.system.get(), ticket.id, data));
    } catch (error) {
      if (!(error instanceof DomainError)) this.logger.error(`ticket #${ticket.id}: escalation failed: ${(error as Error).message}`);
      else this.logger.warn(`ticket #${ticket.id}: escalation refused: ${error.message}`);
    }
  }
}
