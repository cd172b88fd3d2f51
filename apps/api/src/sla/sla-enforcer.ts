import { Injectable } from '@nestjs/common';
import { LEVELS, SLA_METRIC_LABELS, type Level, type SlaMetric } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../audit/audit.repository.js';
import { insertRow } from '../database/insert-row.js';
import { NotificationFeed } from '../inbox/notification-feed.service.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { OutboxTopics } from '../outbox/outbox.topics.js';
import { SystemActor } from '../users/system-actor.js';
import type { PolicyRecord } from './policy-selection.js';
import { SlaFiringRepository } from './sla-firing.repository.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';
import { SlaTargetRepository } from './sla-target.repository.js';
import { SlaTicketRepository, type Recipient, type TicketFacts } from './sla-ticket.repository.js';

/** In-app notification kinds (user_notifications.kind): preferences can filter on them. */
export const SLA_NOTIFICATION_KINDS = { warning: 'sla.warning', breach: 'sla.breach' } as const;

/**
 * Fires warnings and breaches. The conditional UPDATE (`... WHERE breached_at IS NULL AND due_at <= now`)
 * decides, so a delayed job and the reconciliation job racing, or a job delivered twice, record one breach,
 * one timeline event, one set of notifications. Every consequence commits in that one transaction: the
 * timeline event, the in-app notifications, the email (an outbox row), the audit row, and the escalation
 * as an outbox row (`sla.escalate`, applied by SlaEscalationProcessor). A worker dying at any point
 * either rolls all of it back (the reconciliation fires it again) or leaves it all committed (the outbox
 * relay delivers the rest); nothing runs "afterwards" that a crash could lose.
 */
@Injectable()
export class SlaEnforcer {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly firing: SlaFiringRepository,
    private readonly targets: SlaTargetRepository,
    private readonly tickets: SlaTicketRepository,
    private readonly policies: SlaPolicyRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditRepository,
    private readonly system: SystemActor,
    private readonly feed: NotificationFeed,
  ) {}

  /** True when this call recorded the breach. */
  async breach(targetId: number, now: Date): Promise<boolean> {
    const actor = await this.system.get();
    return this.sequelize.transaction(async (transaction) => {
      if (!(await this.firing.markBreached(targetId, now, transaction))) return false;
      const target = (await this.targets.target(targetId, transaction))!;
      const ticket = (await this.tickets.ticket(target.ticketId, transaction))!;
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
      await this.notify('breach', targetId, ticket, target.metric, recipients, transaction);
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
      const policy = (await this.policies.policies(transaction)).find((p) => p.id === target.policyId) ?? null;
      const escalation = policy ? escalationOf(ticket, policy, targetId) : null;
      if (escalation) await this.outbox.append('sla.escalate', escalation, transaction);
      return true;
    });
  }

  /** True when this call recorded the warning. */
  async warn(targetId: number, now: Date): Promise<boolean> {
    return this.sequelize.transaction(async (transaction) => {
      if (!(await this.firing.markWarned(targetId, now, transaction))) return false;
      const target = (await this.targets.target(targetId, transaction))!;
      const ticket = (await this.tickets.ticket(target.ticketId, transaction))!;
      const recipients = await this.recipients(ticket, false, transaction);
      await this.notify('warning', targetId, ticket, target.metric, recipients, transaction);
      if (recipients.length) {
        await this.outbox.append('sla.warning', this.payload(ticket, target.metric, target.dueAt, recipients), transaction);
      }
      return true;
    });
  }

  /** Warnings go to the assignee (the managers when nobody is assigned); breaches to the assignee and the managers. */
  private async recipients(ticket: TicketFacts, breach: boolean, transaction: Transaction): Promise<Recipient[]> {
    const assignee = ticket.assigneeId ? await this.tickets.user(ticket.assigneeId, transaction) : null;
    const managers = breach || !assignee ? await this.tickets.managers(transaction) : [];
    const all = [...(assignee ? [assignee] : []), ...managers];
    return all.filter((r, i) => all.findIndex((o) => o.id === r.id) === i).map((r) => ({ id: Number(r.id), email: r.email, name: r.name }));
  }

  private payload(ticket: TicketFacts, metric: keyof typeof SLA_METRIC_LABELS, dueAt: Date, recipients: Recipient[]) {
    return { ticketId: ticket.id, subject: ticket.subject, metric, dueAt: dueAt.toISOString(), recipients };
  }

  /**
   * The in-app side: one sla_notifications row per recipient (unique per target, kind and recipient) and,
   * for each row that is new, a notification in the recipient's bell through the inbox feed.
   */
  private async notify(kind: 'warning' | 'breach', targetId: number, ticket: TicketFacts, metric: SlaMetric, recipients: Recipient[], transaction: Transaction) {
    const fresh = await this.firing.recordNotifications(targetId, ticket.id, kind, recipients, transaction);
    const label = SLA_METRIC_LABELS[metric] ?? metric;
    const title = kind === 'breach' ? `Ticket #${ticket.id}: ${label.toLowerCase()} SLA breached` : `Ticket #${ticket.id}: ${label.toLowerCase()} SLA due soon`;
    for (const r of fresh) {
      await this.feed.notify(r.id, { kind: SLA_NOTIFICATION_KINDS[kind], ticketId: ticket.id, title, body: ticket.subject }, transaction);
    }
  }
}

/** The policy's escalation as values to set (one urgency level up, a team, an assignee); null when nothing would change. */
export function escalationOf(ticket: TicketFacts, policy: PolicyRecord, targetId: number): OutboxTopics['sla.escalate'] | null {
  const out: OutboxTopics['sla.escalate'] = { ticketId: ticket.id, targetId };
  if (policy.escalateUrgency && ticket.urgency !== 'critical') out.urgency = LEVELS[LEVELS.indexOf(ticket.urgency) + 1] as Level;
  if (policy.escalateTeamId && policy.escalateTeamId !== ticket.teamId) out.teamId = policy.escalateTeamId;
  if (policy.escalateAssigneeId && policy.escalateAssigneeId !== ticket.assigneeId) out.assigneeId = policy.escalateAssigneeId;
  return out.urgency || out.teamId || out.assigneeId ? out : null;
}
