import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zAcceptInvitationInput,
  zAgentProfile,
  zAuthResult,
  zInvitation,
  zInviteInput,
  zListAgentsInput,
  zSaveSkillInput,
  zSaveTeamInput,
  zSetAgentSkillsInput,
  zSetAvailabilityInput,
  zSkill,
  zTeam,
  zUpdateAgentInput,
  zUserId,
} from '@switchboard/contracts';
import { z } from 'zod';
import { publicProcedure, requireAbility, router } from '../trpc/trpc.js';
import { AcceptInvitationCommand } from './commands/accept-invitation/accept-invitation.command.js';
import { InviteStaffCommand } from './commands/invite-staff/invite-staff.command.js';
import { SaveSkillCommand } from './commands/save-skill/save-skill.command.js';
import { SaveTeamCommand } from './commands/save-team/save-team.command.js';
import { SetAgentSkillsCommand } from './commands/set-agent-skills/set-agent-skills.command.js';
import { SetAvailabilityCommand } from './commands/set-availability/set-availability.command.js';
import { UpdateAgentCommand } from './commands/update-agent/update-agent.command.js';
import { GetAgentQuery } from './queries/get-agent/get-agent.query.js';
import { ListAgentsQuery } from './queries/list-agents/list-agents.query.js';
import { ListSkillsQuery } from './queries/list-skills/list-skills.query.js';
import { ListTeamsQuery } from './queries/list-teams/list-teams.query.js';

const tags = ['people'];

/** Agents (profiles, skills, availability, invitations), skills and teams. */
@Injectable()
export class PeopleRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      agents: requireAbility('read', 'AgentProfile')
        .meta({ openapi: { method: 'GET', path: '/agents', tags, protect: true, summary: 'Staff profiles (optionally of one team)' } })
        .input(zListAgentsInput)
        .output(z.array(zAgentProfile))
        .query(({ ctx, input }) => this.queries.execute(new ListAgentsQuery(ctx.actor, input?.teamId))),
      agent: requireAbility('read', 'AgentProfile')
        .meta({ openapi: { method: 'GET', path: '/agents/{id}', tags, protect: true, summary: 'One staff profile' } })
        .input(z.object({ id: zUserId }))
        .output(zAgentProfile)
        .query(({ ctx, input }) => this.queries.execute(new GetAgentQuery(ctx.actor, input.id))),
      updateAgent: requireAbility('update', 'AgentProfile')
        .meta({ openapi: { method: 'PATCH', path: '/agents/{id}', tags, protect: true, summary: 'Edit a staff profile: status, capacity, hours, languages, teams (managers and admins; roles admins only)' } })
        .input(zUpdateAgentInput)
        .output(zAgentProfile)
        .mutation(({ ctx, input }) => this.commands.execute(new UpdateAgentCommand(ctx.actor, input))),
      setSkills: requireAbility('update', 'AgentProfile')
        .meta({ openapi: { method: 'PUT', path: '/agents/{id}/skills', tags, protect: true, summary: 'Replace a staff member’s skills and levels' } })
        .input(zSetAgentSkillsInput)
        .output(zAgentProfile)
        .mutation(({ ctx, input }) => this.commands.execute(new SetAgentSkillsCommand(ctx.actor, input.id, input.skills))),
      setAvailability: requireAbility('update', 'Availability')
        .meta({ openapi: { method: 'POST', path: '/agents/availability', tags, protect: true, summary: 'Go online, away or offline (yourself; managers and admins for anyone)' } })
        .input(zSetAvailabilityInput)
        .output(zAgentProfile)
        .mutation(({ ctx, input }) => this.commands.execute(new SetAvailabilityCommand(ctx.actor, input.id ?? ctx.actor.user.id, input.availability))),
      invite: requireAbility('create', 'Invitation')
        .meta({ openapi: { method: 'POST', path: '/invitations', tags, protect: true, summary: 'Invite a staff member by email (admins)' } })
        .input(zInviteInput)
        .output(zInvitation)
        .mutation(({ ctx, input }) => this.commands.execute(new InviteStaffCommand(ctx.actor, input))),
      /** No sign-in: the signed, expiring link from the email is the credential. */
      acceptInvitation: publicProcedure
        .meta({ openapi: { method: 'POST', path: '/invitations/accept', tags, summary: 'Accept an invitation: set your name and password, get a token' } })
        .input(zAcceptInvitationInput)
        .output(zAuthResult)
        .mutation(({ ctx, input }) =>
          this.commands.execute(new AcceptInvitationCommand(input.token, input.name, input.password, { ip: ctx.ip, userAgent: ctx.userAgent })),
        ),
      skills: requireAbility('read', 'Skill')
        .meta({ openapi: { method: 'GET', path: '/skills', tags, protect: true, summary: 'Every skill with how many agents have it' } })
        .input(z.object({}).optional())
        .output(z.array(zSkill))
        .query(({ ctx }) => this.queries.execute(new ListSkillsQuery(ctx.actor))),
      saveSkill: requireAbility('manage', 'Skill')
        .meta({ openapi: { method: 'POST', path: '/skills', tags, protect: true, summary: 'Create or rename a skill (managers and admins)' } })
        .input(zSaveSkillInput)
        .output(zSkill)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveSkillCommand(ctx.actor, input))),
      teams: requireAbility('read', 'Team')
        .meta({ openapi: { method: 'GET', path: '/teams', tags, protect: true, summary: 'Teams with members, routing strategy and waiting tickets' } })
        .input(z.object({}).optional())
        .output(z.array(zTeam))
        .query(({ ctx }) => this.queries.execute(new ListTeamsQuery(ctx.actor))),
      saveTeam: requireAbility('manage', 'Team')
        .meta({ openapi: { method: 'POST', path: '/teams', tags, protect: true, summary: 'Create or edit a team: members, routing strategy, default (managers and admins)' } })
        .input(zSaveTeamInput)
        .output(zTeam)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveTeamCommand(ctx.actor, input))),
    });
  }
}
