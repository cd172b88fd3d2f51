import { subject } from '@casl/ability';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CompanyMember } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { CompanyErrors } from '../../companies.errors.js';
import { CompanyRepository } from '../../company.repository.js';
import { SetCompanyAdminCommand } from './set-company-admin.command.js';

/** Admins, and a company's own company admins, grant or take the company-admin flag of the company's customers. */
@CommandHandler(SetCompanyAdminCommand)
export class SetCompanyAdminHandler implements ICommandHandler<SetCompanyAdminCommand, CompanyMember> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly companies: CompanyRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, userId, companyAdmin }: SetCompanyAdminCommand): Promise<CompanyMember> {
    return this.sequelize.transaction(async (transaction) => {
      const user = await this.companies.lockUser(userId, transaction);
      const fields = user ? { id: user.id, companyId: user.companyId, role: user.role } : null;
      // Someone the actor may not even read is reported as missing.
      if (!user || !fields || actor.ability.cannot('read', subject('User', fields))) throw CompanyErrors.notFound('customer', userId, 'userId');
      if (actor.ability.cannot('update', subject('User', fields))) throw CompanyErrors.forbidden('change this user');
      if (user.role !== 'customer' || user.companyId === null) throw CompanyErrors.invalidReference('userId', 'only customers of a company can be company admins');
      if (userId === actor.user.id && !companyAdmin && actor.user.role === 'customer') throw CompanyErrors.invalidReference('companyAdmin', 'you cannot remove your own company-admin right');
      await this.companies.setCompanyAdmin(userId, companyAdmin, transaction);
      await this.audit.record(actor, { action: 'customer.company_admin', subjectType: 'User', subjectId: userId, before: { companyAdmin: Boolean(user.companyAdmin) }, after: { companyAdmin } }, transaction);
      return { id: user.id, name: user.name, email: user.email, companyAdmin, status: user.status };
    });
  }
}
