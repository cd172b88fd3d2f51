import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { OutboxRepository } from '../../../outbox/outbox.repository.js';
import { CompanyErrors } from '../../companies.errors.js';
import { CompanyRepository } from '../../company.repository.js';
import { MoveCustomerCommand } from './move-customer.command.js';

/** Admins move a customer into, between or out of companies; their tickets follow them in the same transaction. */
@CommandHandler(MoveCustomerCommand)
export class MoveCustomerHandler implements ICommandHandler<MoveCustomerCommand> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly companies: CompanyRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute({ actor, userId, companyId }: MoveCustomerCommand) {
    if (actor.ability.cannot('manage', 'Company')) throw CompanyErrors.forbidden('move customers between companies');
    return this.sequelize.transaction(async (transaction) => {
      const user = await this.companies.lockUser(userId, transaction);
      if (!user || user.role !== 'customer') throw CompanyErrors.notFound('customer', userId, 'userId');
      if (companyId !== null && !(await this.companies.exists(companyId, transaction))) throw CompanyErrors.invalidReference('companyId', `there is no company ${companyId}`);
      const ticketsMoved = await this.companies.moveCustomer(userId, companyId, transaction);
      await this.audit.record(
        actor,
        { action: 'customer.moved', subjectType: 'User', subjectId: userId, before: { companyId: user.companyId }, after: { companyId, ticketsMoved } },
        transaction,
      );
      // The company picks the SLA policy: the worker recomputes the open tickets' due times (sla/).
      if (ticketsMoved > 0) await this.outbox.append('sla.recompute', { reason: `customer #${userId} moved`, requesterId: userId }, transaction);
      return { userId, companyId, ticketsMoved };
    });
  }
}
