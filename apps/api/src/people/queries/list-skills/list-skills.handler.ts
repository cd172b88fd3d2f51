import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Skill } from '@switchboard/contracts';
import { PeopleErrors } from '../../people.errors.js';
import { SkillRepository } from '../../skill.repository.js';
import { ListSkillsQuery } from './list-skills.query.js';

@QueryHandler(ListSkillsQuery)
export class ListSkillsHandler implements IQueryHandler<ListSkillsQuery, Skill[]> {
  constructor(private readonly skills: SkillRepository) {}

  execute({ actor }: ListSkillsQuery): Promise<Skill[]> {
    if (actor.ability.cannot('read', 'Skill')) throw PeopleErrors.forbidden('see skills');
    return this.skills.list();
  }
}
