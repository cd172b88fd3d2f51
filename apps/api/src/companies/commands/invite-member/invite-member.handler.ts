import { subject } from '@casl/ability';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CompanyInvitation } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { signInvitationToken } from '../../../people/invitation-token.js';
import { brandVars } from '../../brand-vars.js';
import { CompanyErrors } from '../../companies.errors.js';
import { CompanyRepository } from '../../company.repository.js';
import { InviteMemberCommand } from './invite-member.command.js';

/**
 * A company admin (or an admin) invites someone into the company: a pending customer of the company,
 * an invitation row and the branded email (outbox) commit together. The portal link is signed and
 * expires like a staff invitation; accepting it is the same public `people.acceptInvitation`.
 */
@CommandHandler(InviteMemberCommand)
export class InviteMemberHandler implements ICommandHandler<InviteMemberCommand, CompanyInvitation> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly companies: CompanyRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actor, input }: InviteMemberCommand): Promise<CompanyInvitation> {
    const { companyId, email, name } = input;
    if (actor.ability.cannot('read', subject('Company', { id: companyId }))) throw CompanyErrors.notFound('company', companyId, 'companyId');
    if (actor.ability.cannot('create', subject('User', { id: 0, companyId, role: 'customer' }))) throw CompanyErrors.forbidden('invite people into this company');
    const expiresAt = new Date(Date.now() + this.config.invitationTtlHours * 3_600_000);
    return this.sequelize.transaction(async (transaction) => {
      const company = (await this.companies.list({}, [companyId], transaction))[0];
      if (!company) throw CompanyErrors.notFound('company', companyId, 'companyId');
      const existing = await this.companies.lockUserByEmail(email, transaction);
      // Only someone this company invited before and who never accepted can be invited again; any other account is not ours to claim.
      if (existing && !(existing.status === 'pending' && existing.role === 'customer' && existing.companyId === companyId)) throw CompanyErrors.emailTaken(email);
      const { id, userId } = await this.companies.invite({ userId: existing?.id ?? null, companyId, email, name, invitedBy: actor.user.id, expiresAt }, transaction);
      const token = signInvitationToken(this.config.signingSecret, id, expiresAt);
      const link = `${this.config.portalUrl}/invitation?token=${encodeURIComponent(token)}`;
      await this.audit.record(actor, { action: 'company.member_invited', subjectType: 'User', subjectId: userId, after: { companyId, email, name } }, transaction);
      await this.outbox.append(
        'company.invited',
        {
          invitationId: id,
          email,
          name,
          inviterName: actor.user.name,
          companyName: company.name,
          brand: brandVars({ companyName: company.name, brandName: company.brandName, brandLogoUrl: company.brandLogoUrl, brandPrimaryColor: company.brandPrimaryColor, brandAccentColor: company.brandAccentColor }),
          link,
          expiresAt: expiresAt.toISOString(),
        },
        transaction,
      );
      return { id, userId, email, companyId, expiresAt: expiresAt.toISOString() };
    });
  }
}
