import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RoutingRule } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { PeopleErrors } from '../../../people/people.errors.js';
import { RoutingRuleRepository } from '../../routing-rule.repository.js';
import { SetRoutingRuleCommand } from './set-routing-rule.command.js';

/** Managers and admins say which team gets a category's or issue type's tickets, and which skill they need. */
@CommandHandler(SetRoutingRuleCommand)
export class SetRoutingRuleHandler implements ICommandHandler<SetRoutingRuleCommand, RoutingRule> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly rules: RoutingRuleRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, input }: SetRoutingRuleCommand): Promise<RoutingRule> {
    if (actor.ability.cannot('manage', 'RoutingRule')) throw PeopleErrors.forbidden('change routing rules');
    return this.sequelize.transaction(async (transaction) => {
      const before = await this.rules.get(input.kind, input.id, transaction);
      if (!before) throw PeopleErrors.notFound(input.kind === 'category' ? 'category' : 'issue type', input.id);
      if (input.teamId && !(await this.rules.exists('teams', input.teamId, transaction))) throw PeopleErrors.invalidReference('teamId', `there is no team ${input.teamId}`);
      if (input.skillId && !(await this.rules.exists('skills', input.skillId, transaction))) throw PeopleErrors.invalidReference('skillId', `there is no skill ${input.skillId}`);
      await this.rules.set(input.kind, input.id, input.teamId, input.skillId, transaction);
      await this.audit.record(actor, { action: 'routing.rule_set', subjectType: input.kind === 'category' ? 'Category' : 'IssueType', subjectId: input.id, before, after: input }, transaction);
      return { ...before, teamId: input.teamId, skillId: input.skillId };
    });
  }
}
