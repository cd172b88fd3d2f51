import { Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { SsoGroupMapping, SsoGroupMappings } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { Actor } from '../../common/actor.js';
import { DomainError } from '../../common/domain-error.js';
import { TeamChangedEvent } from '../../people/events/team-changed.event.js';
import { AuthErrors } from '../auth.errors.js';
import type { ClientMeta } from '../commands/login/login.command.js';
import { planProvisioning } from './group-provisioning.js';
import { SsoGroupMappingRepository, type StaffRole } from './sso-group-mapping.repository.js';

/**
 * Single sign-on group provisioning (decision 027): the admins map provider groups to a staff role
 * and/or teams; every SSO sign-in applies the mapping to the account, in one transaction with its
 * audit entry. The last active admin is never demoted (the refusal is logged and audited).
 */
@Injectable()
export class SsoGroupsService {
  private readonly logger = new Logger(SsoGroupsService.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly mappings: SsoGroupMappingRepository,
    private readonly audit: AuditRepository,
    private readonly events: EventBus,
  ) {}

  async list(actor: Actor): Promise<SsoGroupMappings> {
    if (actor.ability.cannot('read', 'SsoGroupMapping')) throw AuthErrors.forbidden('read the single sign-on group mapping');
    return { mappings: await this.mappings.list() };
  }

  async save(actor: Actor, input: SsoGroupMapping[]): Promise<SsoGroupMappings> {
    if (actor.ability.cannot('update', 'SsoGroupMapping')) throw AuthErrors.forbidden('change the single sign-on group mapping');
    const seen = new Set<string>();
    input.forEach((m, i) => {
      const key = `${m.group}\u0000${m.role ?? ''}\u0000${m.teamId ?? ''}`;
      if (seen.has(key)) throw new DomainError('bad_request', 'AUTH_SSO_MAPPING_INVALID', `mappings.${i}.group: "${m.group}" is listed twice`, `mappings.${i}.group`);
      seen.add(key);
    });
    return this.sequelize.transaction(async (transaction) => {
      const teamIds = [...new Set(input.flatMap((m) => (m.teamId === null ? [] : [m.teamId])))];
      const known = await this.mappings.existingTeams(teamIds, transaction);
      const index = input.findIndex((m) => m.teamId !== null && !known.has(m.teamId));
      if (index >= 0) {
        throw new DomainError('bad_request', 'AUTH_SSO_MAPPING_INVALID', `mappings.${index}.teamId: there is no team ${input[index].teamId}`, `mappings.${index}.teamId`);
      }
      const before = await this.mappings.list(transaction);
      await this.mappings.replace(input, transaction);
      const after = await this.mappings.list(transaction);
      await this.audit.record(
        actor,
        { action: 'settings.sso_groups_updated', subjectType: 'SecuritySettings', subjectId: 1, before: { mappings: before }, after: { mappings: after } },
        transaction,
      );
      return { mappings: after };
    });
  }

  /**
   * Applies the mapping to a staff account at sign-on. `groups` null means the provider sent no
   * groups claim: nothing changes (a provider that stops sending groups must not strip everyone).
   */
  async apply(user: { id: number; email: string }, groups: string[] | null, client: ClientMeta): Promise<void> {
    const changedTeams = await this.sequelize.transaction(async (transaction) => {
      const mappings = await this.mappings.list(transaction);
      if (mappings.length === 0) return [];
      if (groups === null) {
        this.logger.warn(`single sign-on of ${user.email}: the provider sent no groups claim; role and teams left as they are`);
        return [];
      }
      const role = await this.mappings.lockRole(user.id, transaction);
      if (!role || role === ('customer' as StaffRole)) return [];
      const teams = await this.mappings.teamsOf(user.id, transaction);
      const plan = planProvisioning(mappings, groups, teams);
      let newRole = plan.role ?? role;
      let demotionRefused = false;
      if (role === 'admin' && newRole !== 'admin' && (await this.mappings.otherActiveAdmins(user.id, transaction)) === 0) {
        demotionRefused = true;
        newRole = 'admin';
        this.logger.warn(`single sign-on of ${user.email}: the groups give ${plan.role}, but this is the last active admin; left an admin`);
      }
      if (newRole === role && plan.join.length === 0 && plan.leave.length === 0 && !demotionRefused) return [];
      if (newRole !== role) await this.mappings.setRole(user.id, newRole, transaction);
      await this.mappings.addToTeams(user.id, plan.join, transaction);
      await this.mappings.removeFromTeams(user.id, plan.leave, transaction);
      await this.audit.record(
        { user: { id: user.id } as never, ip: client.ip, userAgent: client.userAgent },
        {
          action: 'sso.provisioned',
          subjectType: 'User',
          subjectId: user.id,
          before: { role, teamIds: teams },
          after: {
            role: newRole,
            teamIds: await this.mappings.teamsOf(user.id, transaction),
            groups,
            ...(demotionRefused ? { demotionRefused: `the groups give ${plan.role}, but this is the last active admin` } : {}),
          },
        },
        transaction,
      );
      return [...plan.join, ...plan.leave];
    });
    // Routing picks up who is in which team (waiting tickets may now be routable).
    for (const teamId of changedTeams) this.events.publish(new TeamChangedEvent(teamId));
  }
}
