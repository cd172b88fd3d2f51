import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { AgentProfile } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { AgentProfileRepository } from '../../agent-profile.repository.js';
import { AgentAvailabilityChangedEvent } from '../../events/agent-availability-changed.event.js';
import { PeopleErrors } from '../../people.errors.js';
import { SetAgentSkillsCommand } from './set-agent-skills.command.js';

/** Replaces a staff member's skills (each with a level 1-5). */
@CommandHandler(SetAgentSkillsCommand)
export class SetAgentSkillsHandler implements ICommandHandler<SetAgentSkillsCommand, AgentProfile> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly profiles: AgentProfileRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async execute({ actor, userId, skills }: SetAgentSkillsCommand): Promise<AgentProfile> {
    if (actor.ability.cannot('update', 'AgentProfile')) throw PeopleErrors.forbidden('change agents’ skills');
    const after = await this.sequelize.transaction(async (transaction) => {
      const target = await this.profiles.lockUser(userId, transaction);
      if (!target || target.role === 'customer') throw PeopleErrors.notFound('staff member', userId);
      const known = await this.profiles.existing('skills', skills.map((s) => s.skillId), transaction);
      const missing = skills.findIndex((s) => !known.has(s.skillId));
      if (missing >= 0) throw PeopleErrors.invalidReference(`skills.${missing}.skillId`, `there is no skill ${skills[missing].skillId}`);
      const before = (await this.profiles.get(userId, transaction))!.skills;
      await this.profiles.setSkills(userId, skills, transaction);
      await this.audit.record(actor, { action: 'agent.skills_set', subjectType: 'User', subjectId: userId, before, after: skills }, transaction);
      return (await this.profiles.get(userId, transaction))!;
    });
    this.events.publish(new AgentAvailabilityChangedEvent(userId, after.availability, actor.user.id));
    return after;
  }
}
