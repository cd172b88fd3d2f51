import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zCompany,
  zCompanyId,
  zCompanyInvitation,
  zCompanyMember,
  zInviteMemberInput,
  zMoveCustomerInput,
  zRemoveMemberInput,
  zSaveCompanyInput,
  zSetCompanyAdminInput,
} from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { InviteMemberCommand } from './commands/invite-member/invite-member.command.js';
import { RemoveMemberCommand } from './commands/remove-member/remove-member.command.js';
import { MoveCustomerCommand } from './commands/move-customer/move-customer.command.js';
import { SaveCompanyCommand } from './commands/save-company/save-company.command.js';
import { SetCompanyAdminCommand } from './commands/set-company-admin/set-company-admin.command.js';
import { ListCompaniesQuery } from './queries/list-companies/list-companies.query.js';
import { ListMembersQuery } from './queries/list-members/list-members.query.js';

const tags = ['companies'];

@Injectable()
export class CompaniesRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      list: requireAbility('read', 'Company')
        .meta({ openapi: { method: 'GET', path: '/companies', tags, protect: true, summary: 'Companies you may see (staff: all; a company user: their own)' } })
        .input(z.object({}).optional())
        .output(z.array(zCompany))
        .query(({ ctx }) => this.queries.execute(new ListCompaniesQuery(ctx.actor))),
      save: requireAbility('manage', 'Company')
        .meta({ openapi: { method: 'POST', path: '/companies', tags, protect: true, summary: 'Create or edit a company: visibility, branding, assigned agents (admins)' } })
        .input(zSaveCompanyInput)
        .output(zCompany)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveCompanyCommand(ctx.actor, input))),
      members: requireAbility('read', 'User')
        .meta({ openapi: { method: 'GET', path: '/companies/{companyId}/members', tags, protect: true, summary: 'A company’s users (admins, managers, its company admins)' } })
        .input(z.object({ companyId: zCompanyId }))
        .output(z.array(zCompanyMember))
        .query(({ ctx, input }) => this.queries.execute(new ListMembersQuery(ctx.actor, input.companyId))),
      moveCustomer: requireAbility('manage', 'Company')
        .meta({ openapi: { method: 'POST', path: '/companies/move-customer', tags, protect: true, summary: 'Move a customer into or out of a company; their tickets follow (admins)' } })
        .input(zMoveCustomerInput)
        .output(z.object({ userId: z.number().int(), companyId: z.number().int().nullable(), ticketsMoved: z.number().int() }))
        .mutation(({ ctx, input }) => this.commands.execute(new MoveCustomerCommand(ctx.actor, input.userId, input.companyId))),
      setCompanyAdmin: requireAbility('update', 'User')
        .meta({ openapi: { method: 'POST', path: '/companies/company-admin', tags, protect: true, summary: 'Grant or take a customer’s company-admin right (admins, company admins)' } })
        .input(zSetCompanyAdminInput)
        .output(zCompanyMember)
        .mutation(({ ctx, input }) => this.commands.execute(new SetCompanyAdminCommand(ctx.actor, input.userId, input.companyAdmin))),
      inviteMember: requireAbility('create', 'User')
        .meta({ openapi: { method: 'POST', path: '/companies/{companyId}/invitations', tags, protect: true, summary: 'Invite someone into the company by email: a signed, expiring portal link (company admins, admins)' } })
        .input(zInviteMemberInput)
        .output(zCompanyInvitation)
        .mutation(({ ctx, input }) => this.commands.execute(new InviteMemberCommand(ctx.actor, input))),
      removeMember: requireAbility('update', 'User')
        .meta({ openapi: { method: 'POST', path: '/companies/remove-member', tags, protect: true, summary: 'Take a customer out of their company; their tickets leave with them (company admins, admins)' } })
        .input(zRemoveMemberInput)
        .output(z.object({ userId: z.number().int(), companyId: z.null(), ticketsMoved: z.number().int() }))
        .mutation(({ ctx, input }) => this.commands.execute(new RemoveMemberCommand(ctx.actor, input.userId))),
    });
  }
}
