import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Team } from '@switchboard/contracts';
import { PeopleErrors } from '../../people.errors.js';
import { TeamRepository } from '../../team.repository.js';
import { ListTeamsQuery } from './list-teams.query.js';

@QueryHandler(ListTeamsQuery)
export class ListTeamsHandler implements IQueryHandler<ListTeamsQuery, Team[]> {
  constructor(private readonly teams: TeamRepository) {}

  execute({ actor }: ListTeamsQuery): Promise<Team[]> {
    if (actor.ability.cannot('read', 'Team')) throw PeopleErrors.forbidden('see teams');
    return this.teams.list();
  }
}
