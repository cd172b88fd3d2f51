import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import type { AgentProfile } from '@switchboard/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { AgentProfileRepository } from '../../agent-profile.repository.js';
import { AgentAvailabilityChangedEvent } from '../../events/agent-availability-changed.event.js';
import { AgentSuspendedEvent } from '../../events/agent-suspended.event.js';
import { PeopleErrors } from '../../people.errors.js';
import { managesStaffAccounts } from '../../staff-guard.js';
import { UpdateAgentCommand } from './update-agent.command.js';

/** Admins and managers edit staff profiles; roles and admins' profiles only admins. Suspending stops sign-in and tokens, and hands the agent's open tickets back to routing. */
@CommandHandler(UpdateAgentCommand)
export class UpdateAgentHandler implements ICommandHandler<UpdateAgentCommand, AgentProfile> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly profiles: AgentProfileRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async execute({ actor, input }: UpdateAgentCommand): Promise<AgentProfile> {
    if (actor.ability.cannot('update', 'AgentProfile')) throw PeopleErrors.forbidden('edit agent profiles');
    const { id, languages, teamIds, phone, ...rest } = input;
    const changes = { ...rest, ...(phone === undefined ? {} : { phone: agentPhone(phone) }) };
    let suspended = false;
    const after = await this.sequelize.transaction(async (transaction) => {
      const target = await this.profiles.lockUser(id, transaction);
      if (!target || target.role === 'customer') throw PeopleErrors.notFound('staff member', id);
      if ((changes.role || target.role === 'admin') && !managesStaffAccounts(actor)) throw PeopleErrors.forbidden('change roles or admins’ profiles');
      if (id === actor.user.id && changes.status === 'suspended') throw PeopleErrors.invalidReference('status', 'you cannot suspend yourself');
      if (teamIds) {
        const known = await this.profiles.existing('teams', teamIds, transaction);
        const missing = teamIds.find((t) => !known.has(t));
        if (missing) throw PeopleErrors.invalidReference('teamIds', `there is no team ${missing}`);
      }
      const before = await this.profiles.get(id, transaction);
      await this.profiles.update(id, changes, transaction);
      if (languages) await this.profiles.setLanguages(id, languages, transaction);
      if (teamIds) await this.profiles.setTeams(id, teamIds, transaction);
      if (changes.status === 'suspended') {
        suspended = true;
        // Their tokens stop working at once (checked per request); revoke them too so a reactivation does not revive old sessions.
        await this.sequelize.query('UPDATE auth_tokens SET revoked_at = CURRENT_TIMESTAMP(3) WHERE user_id = ? AND revoked_at IS NULL', {
          replacements: [id],
          transaction,
        });
      }
      await this.audit.record(actor, { action: 'agent.updated', subjectType: 'User', subjectId: id, before, after: input }, transaction);
      return (await this.profiles.get(id, transaction))!;
    });
    this.events.publish(new AgentAvailabilityChangedEvent(id, after.availability, actor.user.id));
    if (suspended) this.events.publish(new AgentSuspendedEvent(id, after.name, actor.user.id));
    return after;
  }
}

/** The profile's phone as E.164 (what Twilio dials); empty clears it. */
function agentPhone(raw: string | null): string | null {
  if (!raw) return null;
  const number = parsePhoneNumberFromString(raw);
  if (!number || !number.isPossible()) throw PeopleErrors.invalidReference('phone', 'must be a phone number with its country code, such as +49 30 1234567');
  return number.number;
}
