import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AgentProfile } from '@switchboard/contracts';
import { AgentProfileRepository } from '../../agent-profile.repository.js';
import { PeopleErrors } from '../../people.errors.js';
import { ListAgentsQuery } from './list-agents.query.js';

@QueryHandler(ListAgentsQuery)
export class ListAgentsHandler implements IQueryHandler<ListAgentsQuery, AgentProfile[]> {
  constructor(private readonly profiles: AgentProfileRepository) {}

  execute({ actor, teamId }: ListAgentsQuery): Promise<AgentProfile[]> {
    if (actor.ability.cannot('read', 'AgentProfile')) throw PeopleErrors.forbidden('see agent profiles');
    return this.profiles.list({ teamId });
  }
}
