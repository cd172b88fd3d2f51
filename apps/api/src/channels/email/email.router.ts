import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zEmailTemplate,
  zEmailTemplateKey,
  zEmailTemplatePreview,
  zEmailTemplateView,
  zEntryOriginal,
  zEntryOriginalInput,
  zEntryRoutes,
  zEntryRoutesInput,
  zInboundEmail,
  zInboundEmailListInput,
  zInboundEmailPage,
  zInboundEmailRetryInput,
  zSupportAddress,
  zSupportAddressId,
  zSupportAddressInput,
  zSupportAddressList,
} from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../../trpc/trpc.js';
import { RetryInboundEmailCommand } from './commands/retry-inbound-email/retry-inbound-email.command.js';
import { RemoveSupportAddressCommand } from './commands/remove-support-address/remove-support-address.command.js';
import { SaveSupportAddressCommand } from './commands/save-support-address/save-support-address.command.js';
import { PreviewEmailTemplateQuery } from './queries/preview-email-template/preview-email-template.query.js';
import { ListSupportAddressesQuery } from './queries/list-support-addresses/list-support-addresses.query.js';
import { SaveEmailTemplateCommand } from './commands/save-email-template/save-email-template.command.js';
import { GetEmailTemplateQuery } from './queries/get-email-template/get-email-template.query.js';
import { GetEntryOriginalQuery } from './queries/get-entry-original/get-entry-original.query.js';
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
      entryOriginal: requireAbility('comment', 'Ticket')
        .meta({ openapi: { method: 'GET', path: '/tickets/{ticketId}/email-original/{entryId}', tags, protect: true, summary: 'The original of an emailed entry, quoted history and signature included (staff)' } })
        .input(zEntryOriginalInput)
        .output(zEntryOriginal)
        .query(({ ctx, input }) => this.queries.execute(new GetEntryOriginalQuery(ctx.actor, input.ticketId, input.entryId))),
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
      previewTemplate: requireAbility('update', 'EmailTemplate')
        .meta({ openapi: { method: 'POST', path: '/email/templates/preview', tags, protect: true, summary: 'Render a mail template as edited, with sample data (nothing is saved); a broken template is refused naming the field' } })
        .input(zEmailTemplate)
        .output(zEmailTemplatePreview)
        .mutation(({ ctx, input }) => this.queries.execute(new PreviewEmailTemplateQuery(ctx.actor, input))),
      addresses: requireAbility('manage', 'SupportAddress')
        .meta({ openapi: { method: 'GET', path: '/email/addresses', tags, protect: true, summary: 'Support addresses: SUPPORT_EMAIL and the per-company/brand ones (admins)' } })
        .input(z.object({}).optional())
        .output(zSupportAddressList)
        .query(({ ctx }) => this.queries.execute(new ListSupportAddressesQuery(ctx.actor))),
      saveAddress: requireAbility('manage', 'SupportAddress')
        .meta({ openapi: { method: 'POST', path: '/email/addresses', tags, protect: true, summary: 'Add or edit a support address, optionally a company’s own (admins)' } })
        .input(zSupportAddressInput)
        .output(zSupportAddress)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveSupportAddressCommand(ctx.actor, input))),
      removeAddress: requireAbility('manage', 'SupportAddress')
        .meta({ openapi: { method: 'DELETE', path: '/email/addresses/{id}', tags, protect: true, summary: 'Remove a support address (its tickets answer from SUPPORT_EMAIL again)' } })
        .input(zSupportAddressId)
        .output(zSupportAddressId)
        .mutation(({ ctx, input }) => this.commands.execute(new RemoveSupportAddressCommand(ctx.actor, input.id))),
    });
  }
}
