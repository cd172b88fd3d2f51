import { subject } from '@casl/ability';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { CompanyErrors } from '../../companies.errors.js';
import { CompanyRepository } from '../../company.repository.js';
import { RemoveMemberCommand } from './remove-member.command.js';

/**
 * A company admin (or an admin) takes a customer out of the company. The person keeps their account
 * and their tickets, which leave the company with them (so colleagues stop seeing them); a company
 * admin cannot remove themself (that would lock the company out of its own administration).
 */
@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly companies: CompanyRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, userId }: RemoveMemberCommand) {
    return this.sequelize.transaction(async (transaction) => {
      const user = await this.companies.lockUser(userId, transaction);
      const fields = user ? { id: user.id, companyId: user.companyId ?? null, role: user.role } : null;
      if (!user || !fields || fields.companyId === null || actor.ability.cannot('read', subject('User', fields))) throw CompanyErrors.notFound('customer', userId, 'userId');
      if (actor.ability.cannot('update', subject('User', fields))) throw CompanyErrors.forbidden('remove this user from the company');
      if (userId === actor.user.id) throw CompanyErrors.invalidReference('userId', 'you cannot remove yourself from your company');
      const ticketsMoved = await this.companies.moveCustomer(userId, null, transaction);
      await this.audit.record(
        actor,
        { action: 'company.member_removed', subjectType: 'User', subjectId: userId, before: { companyId: fields.companyId, companyAdmin: Boolean(user.companyAdmin) }, after: { companyId: null, ticketsMoved } },
        transaction,
      );
      return { userId, companyId: null, ticketsMoved };
    });
  }
}
