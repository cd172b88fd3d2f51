import { subject } from '@casl/ability';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { AgentProfile } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { AgentProfileRepository } from '../../agent-profile.repository.js';
import { AgentAvailabilityChangedEvent } from '../../events/agent-availability-changed.event.js';
import { PeopleErrors } from '../../people.errors.js';
import { SetAvailabilityCommand } from './set-availability.command.js';

/** online / away / offline: by the agent themself, or by a manager or admin. Going online lets routing hand them waiting tickets. */
@CommandHandler(SetAvailabilityCommand)
export class SetAvailabilityHandler implements ICommandHandler<SetAvailabilityCommand, AgentProfile> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly profiles: AgentProfileRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async execute({ actor, userId, availability }: SetAvailabilityCommand): Promise<AgentProfile> {
    if (actor.ability.cannot('update', subject('Availability', { userId }))) throw PeopleErrors.forbidden('set someone else’s availability');
    const result = await this.sequelize.transaction(async (transaction) => {
      const target = await this.profiles.lockUser(userId, transaction);
      if (!target || target.role === 'customer') throw PeopleErrors.notFound('staff member', userId);
      if (target.availability !== availability) {
        await this.profiles.setAvailability(userId, availability, transaction);
        await this.audit.record(
          actor,
          { action: 'agent.availability', subjectType: 'User', subjectId: userId, before: { availability: target.availability }, after: { availability } },
          transaction,
        );
      }
      return { changed: target.availability !== availability, profile: (await this.profiles.get(userId, transaction))! };
    });
    if (result.changed) this.events.publish(new AgentAvailabilityChangedEvent(userId, availability, actor.user.id));
    return result.profile;
  }
}
