import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AgentProfile } from '@switchboard/contracts';
import { AgentProfileRepository } from '../../agent-profile.repository.js';
import { PeopleErrors } from '../../people.errors.js';
import { GetAgentQuery } from './get-agent.query.js';

@QueryHandler(GetAgentQuery)
export class GetAgentHandler implements IQueryHandler<GetAgentQuery, AgentProfile> {
  constructor(private readonly profiles: AgentProfileRepository) {}

  async execute({ actor, userId }: GetAgentQuery): Promise<AgentProfile> {
    if (actor.ability.cannot('read', 'AgentProfile')) throw PeopleErrors.forbidden('see agent profiles');
    const profile = await this.profiles.get(userId);
    if (!profile) throw PeopleErrors.notFound('staff member', userId);
    return profile;
  }
}
