import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SlaPolicy } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { DomainError } from '../../../common/domain-error.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { SlaSettings } from '../../sla-settings.js';
import { SlaErrors } from '../../sla.errors.js';
import { SlaSettingsRepository } from '../../sla-settings.repository.js';
import { SavePolicyCommand } from './save-policy.command.js';

/**
 * Saves a policy. New due times apply to tickets created afterwards and, through an `sla.recompute`
 * outbox row written in the same transaction, to the pending targets of open tickets under the policy
 * or matching its assignments (met and breached outcomes stay as they were).
 */
@CommandHandler(SavePolicyCommand)
export class SavePolicyHandler implements ICommandHandler<SavePolicyCommand, SlaPolicy> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly writes: SlaSettingsRepository,
    private readonly settings: SlaSettings,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute({ actor, input }: SavePolicyCommand): Promise<SlaPolicy> {
    if (actor.ability.cannot('manage', 'SlaPolicy')) throw new DomainError('forbidden', 'SLA_FORBIDDEN', 'Only admins may change SLA policies');
    if (input.id && !(await this.writes.exists('sla_policies', input.id))) throw SlaErrors.policyNotFound(input.id, 'id');
    if (!(await this.writes.exists('business_calendars', input.calendarId))) throw SlaErrors.calendarNotFound(input.calendarId);
    const pairs = new Set<string>();
    input.targets.forEach((t, i) => {
      const key = `${t.urgency}/${t.importance}`;
      if (pairs.has(key)) throw SlaErrors.invalidPolicy(`targets.${i}`, `${key} is listed twice`);
      pairs.add(key);
    });
    if (input.escalation.teamId && !(await this.writes.exists('teams', input.escalation.teamId))) {
      throw SlaErrors.invalidPolicy('escalation.teamId', `there is no team #${input.escalation.teamId}`);
    }
    if (input.escalation.assigneeId && !(await this.writes.isStaff(input.escalation.assigneeId))) {
      throw SlaErrors.invalidPolicy('escalation.assigneeId', `#${input.escalation.assigneeId} is not a staff member`);
    }
    const others = (await this.settings.policies()).filter((p) => p.id !== input.id);
    for (const [i, a] of input.assignments.entries()) {
      const field = `assignments.${i}`;
      if (!a.companyId && !a.issueTypeId) throw SlaErrors.invalidPolicy(field, 'name a company, an issue type, or both');
      if (a.companyId && !(await this.writes.exists('companies', a.companyId))) throw SlaErrors.invalidPolicy(field, `there is no company #${a.companyId}`);
      if (a.issueTypeId && !(await this.writes.exists('issue_types', a.issueTypeId))) throw SlaErrors.invalidPolicy(field, `there is no issue type #${a.issueTypeId}`);
      const clash = others.find((p) => p.assignments.some((o) => o.companyId === a.companyId && o.issueTypeId === a.issueTypeId));
      if (clash) throw SlaErrors.invalidPolicy(field, `policy "${clash.name}" is already assigned there`);
    }
    try {
      const id = await this.sequelize.transaction(async (transaction) => {
        const saved = await this.writes.savePolicy(input, transaction);
        await this.audit.record(actor, { action: input.id ? 'sla.policy_changed' : 'sla.policy_created', subjectType: 'SlaPolicy', subjectId: saved, after: input }, transaction);
        await this.outbox.append('sla.recompute', { reason: `policy #${saved} saved`, policyId: saved }, transaction);
        return saved;
      });
      return (await this.settings.policies()).find((p) => p.id === id)!;
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw SlaErrors.nameTaken(input.name);
      throw error;
    }
  }
}
