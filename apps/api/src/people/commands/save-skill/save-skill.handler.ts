import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Skill } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { PeopleErrors } from '../../people.errors.js';
import { SkillRepository } from '../../skill.repository.js';
import { SaveSkillCommand } from './save-skill.command.js';

@CommandHandler(SaveSkillCommand)
export class SaveSkillHandler implements ICommandHandler<SaveSkillCommand, Skill> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly skills: SkillRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, input }: SaveSkillCommand): Promise<Skill> {
    if (actor.ability.cannot('manage', 'Skill')) throw PeopleErrors.forbidden('create or rename skills');
    if (input.id && !(await this.skills.exists(input.id))) throw PeopleErrors.notFound('skill', input.id);
    try {
      const id = await this.sequelize.transaction(async (transaction) => {
        const saved = await this.skills.save(input, transaction);
        await this.audit.record(actor, { action: input.id ? 'skill.renamed' : 'skill.created', subjectType: 'Skill', subjectId: saved, after: input }, transaction);
        return saved;
      });
      return (await this.skills.list()).find((s) => s.id === id)!;
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw PeopleErrors.nameTaken('skill', input.name);
      throw error;
    }
  }
}
