import { GetAgentHandler } from './get-agent/get-agent.handler.js';
import { ListAgentsHandler } from './list-agents/list-agents.handler.js';
import { ListSkillsHandler } from './list-skills/list-skills.handler.js';
import { ListTeamsHandler } from './list-teams/list-teams.handler.js';

export const PeopleQueryHandlers = [ListAgentsHandler, GetAgentHandler, ListSkillsHandler, ListTeamsHandler];
