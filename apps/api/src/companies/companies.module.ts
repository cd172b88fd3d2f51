import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { CompanyModel } from '../users/company.model.js';
import { UserModel } from '../users/user.model.js';
import { InviteMemberHandler } from './commands/invite-member/invite-member.handler.js';
import { RemoveMemberHandler } from './commands/remove-member/remove-member.handler.js';
import { MoveCustomerHandler } from './commands/move-customer/move-customer.handler.js';
import { SaveCompanyHandler } from './commands/save-company/save-company.handler.js';
import { SetCompanyAdminHandler } from './commands/set-company-admin/set-company-admin.handler.js';
import { CompaniesRouter } from './companies.router.js';
import { CompanyRepository } from './company.repository.js';
import { ListCompaniesHandler } from './queries/list-companies/list-companies.handler.js';
import { ListMembersHandler } from './queries/list-members/list-members.handler.js';

/** Companies: settings, assigned agents, members; the ticket-visibility rule lives in companies.abilities.ts. */
@Module({
  imports: [CqrsModule, AuditModule, OutboxModule, SequelizeModule.forFeature([CompanyModel, UserModel])],
  providers: [CompanyRepository, CompaniesRouter, SaveCompanyHandler, MoveCustomerHandler, SetCompanyAdminHandler, ListCompaniesHandler, ListMembersHandler, InviteMemberHandler, RemoveMemberHandler],
  exports: [CompaniesRouter],
})
export class CompaniesModule {}
