import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Team } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { AgentProfileRepository } from '../../agent-profile.repository.js';
import { TeamChangedEvent } from '../../events/team-changed.event.js';
import { PeopleErrors } from '../../people.errors.js';
import { TeamRepository } from '../../team.repository.js';
import { SaveTeamCommand } from './save-team.command.js';

/** Creates or edits a team: name, routing strategy, default flag and members (staff only). */
@CommandHandler(SaveTeamCommand)
export class SaveTeamHandler implements ICommandHandler<SaveTeamCommand, Team> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly teams: TeamRepository,
    private readonly profiles: AgentProfileRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async execute({ actor, input }: SaveTeamCommand): Promise<Team> {
    if (actor.ability.cannot('manage', 'Team')) throw PeopleErrors.forbidden('change teams');
    try {
      const team = await this.sequelize.transaction(async (transaction) => {
        const before = input.id ? (await this.teams.list([input.id], transaction))[0] : null;
        if (input.id && !before) throw PeopleErrors.notFound('team', input.id);
        if (input.memberIds) {
          const staff = await this.profiles.staffIds(input.memberIds, transaction);
          const bad = input.memberIds.findIndex((id) => !staff.has(id));
          if (bad >= 0) throw PeopleErrors.invalidReference(`memberIds.${bad}`, `user ${input.memberIds[bad]} is not a staff member`);
        }
        const id = await this.teams.save(input, transaction);
        await this.audit.record(actor, { action: input.id ? 'team.updated' : 'team.created', subjectType: 'Team', subjectId: id, before, after: input }, transaction);
        return (await this.teams.list([id], transaction))[0];
      });
      this.events.publish(new TeamChangedEvent(team.id));
      return team;
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw PeopleErrors.nameTaken('team', input.name);
      throw error;
    }
  }
}
