import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zEmailTemplate,
  zEmailTemplateKey,
  zEmailTemplateView,
  zEntryRoutes,
  zEntryRoutesInput,
  zInboundEmail,
  zInboundEmailListInput,
  zInboundEmailPage,
  zInboundEmailRetryInput,
} from '@switchboard/contracts';
import { requireAbility, router } from '../../trpc/trpc.js';
import { RetryInboundEmailCommand } from './commands/retry-inbound-email/retry-inbound-email.command.js';
import { SaveEmailTemplateCommand } from './commands/save-email-template/save-email-template.command.js';
import { GetEmailTemplateQuery } from './queries/get-email-template/get-email-template.query.js';
import { GetEntryRoutesQuery } from './queries/get-entry-routes/get-entry-routes.query.js';
import { ListInboundEmailsQuery } from './queries/list-inbound-emails/list-inbound-emails.query.js';

const tags = ['email'];

@Injectable()
export class EmailRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      inbound: requireAbility('read', 'InboundEmail')
        .meta({ openapi: { method: 'GET', path: '/email/inbound', tags, protect: true, summary: 'Inbound emails and what became of them (admins)' } })
        .input(zInboundEmailListInput)
        .output(zInboundEmailPage)
        .query(({ ctx, input }) => this.queries.execute(new ListInboundEmailsQuery(ctx.actor, input.status ?? [], input.page, input.pageSize))),
      retry: requireAbility('update', 'InboundEmail')
        .meta({ openapi: { method: 'POST', path: '/email/inbound/{id}/retry', tags, protect: true, summary: 'Process a failed inbound email again, or release one held as spam' } })
        .input(zInboundEmailRetryInput)
        .output(zInboundEmail)
        .mutation(({ ctx, input }) => this.commands.execute(new RetryInboundEmailCommand(ctx.actor, input.id))),
      entryRoutes: requireAbility('comment', 'Ticket')
        .meta({ openapi: { method: 'GET', path: '/tickets/{ticketId}/email-routes', tags, protect: true, summary: 'Why each email entry of the ticket landed on it' } })
        .input(zEntryRoutesInput)
        .output(zEntryRoutes)
        .query(({ ctx, input }) => this.queries.execute(new GetEntryRoutesQuery(ctx.actor, input.ticketId))),
      template: requireAbility('update', 'EmailTemplate')
        .meta({ openapi: { method: 'GET', path: '/email/templates', tags, protect: true, summary: 'The mail template that applies to a company (companyId empty: the default)' } })
        .input(zEmailTemplateKey)
        .output(zEmailTemplateView)
        .query(({ ctx, input }) => this.queries.execute(new GetEmailTemplateQuery(ctx.actor, input.companyId ?? null, input.kind))),
      saveTemplate: requireAbility('update', 'EmailTemplate')
        .meta({ openapi: { method: 'PUT', path: '/email/templates', tags, protect: true, summary: 'Edit a mail template (liquid) for a company or the default; enabled: false turns the message off' } })
        .input(zEmailTemplate)
        .output(zEmailTemplateView)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveEmailTemplateCommand(ctx.actor, input))),
    });
  }
}
