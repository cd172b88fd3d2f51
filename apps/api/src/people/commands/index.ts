import { AcceptInvitationHandler } from './accept-invitation/accept-invitation.handler.js';
import { InviteStaffHandler } from './invite-staff/invite-staff.handler.js';
import { SaveSkillHandler } from './save-skill/save-skill.handler.js';
import { SaveTeamHandler } from './save-team/save-team.handler.js';
import { SetAgentSkillsHandler } from './set-agent-skills/set-agent-skills.handler.js';
import { SetAvailabilityHandler } from './set-availability/set-availability.handler.js';
import { UpdateAgentHandler } from './update-agent/update-agent.handler.js';

export const PeopleCommandHandlers = [
  UpdateAgentHandler,
  SetAgentSkillsHandler,
  SetAvailabilityHandler,
  SaveSkillHandler,
  SaveTeamHandler,
  InviteStaffHandler,
  AcceptInvitationHandler,
];
