import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { zAddCustomerNoteInput, zCustomerNote, zCustomerProfile, zGetCustomerProfileInput } from '@switchboard/contracts';
import { requireAbility, router } from '../trpc/trpc.js';
import { AddCustomerNoteCommand } from './commands/add-customer-note/add-customer-note.command.js';
import { GetCustomerProfileQuery } from './queries/get-customer-profile/get-customer-profile.query.js';

const tags = ['customers'];

@Injectable()
export class CustomersRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      profile: requireAbility('read', 'CustomerProfile')
        .meta({ openapi: { method: 'GET', path: '/customers/{id}/profile', tags, protect: true, summary: 'A customer’s CRM view: contact details, company, channels, recent messages, staff notes, satisfaction (staff)' } })
        .input(zGetCustomerProfileInput)
        .output(zCustomerProfile)
        .query(({ ctx, input }) => this.queries.execute(new GetCustomerProfileQuery(ctx.actor, input.id))),
      addNote: requireAbility('create', 'CustomerNote')
        .meta({ openapi: { method: 'POST', path: '/customers/{customerId}/notes', tags, protect: true, summary: 'Add a staff-only note about a customer (staff)' } })
        .input(zAddCustomerNoteInput)
        .output(zCustomerNote)
        .mutation(({ ctx, input }) => this.commands.execute(new AddCustomerNoteCommand(ctx.actor, input.customerId, input.body))),
    });
  }
}
