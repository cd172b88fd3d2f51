import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zCallBackInput,
  zCallBackResult,
  zRequestCallbackInput,
  zSendWhatsappTemplateInput,
  zTicket,
  zTimelineEntry,
  zTwilioSettings,
  zUpdateTwilioSettingsInput,
  zWhatsappTemplate,
} from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../../trpc/trpc.js';
import { CallBackCommand } from './commands/call-back/call-back.command.js';
import { RequestCallbackCommand } from './commands/request-callback/request-callback.command.js';
import { SendWhatsappTemplateCommand } from './commands/send-whatsapp-template/send-whatsapp-template.command.js';
import { WhatsappTemplatesService } from './whatsapp-templates.service.js';
import { UpdateTwilioSettingsCommand } from './commands/update-twilio-settings/update-twilio-settings.command.js';
import { GetTwilioSettingsQuery } from './queries/get-twilio-settings/get-twilio-settings.query.js';

const tags = ['phone'];

@Injectable()
export class PhoneRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly templates: WhatsappTemplatesService,
  ) {}

  build() {
    return router({
      requestCallback: requireAbility('create', 'CallbackRequest')
        .meta({ openapi: { method: 'POST', path: '/callback-requests', tags, protect: true, summary: 'Ask to be called back: opens an urgent phone ticket tagged callback-requested' } })
        .input(zRequestCallbackInput)
        .output(zTicket)
        .mutation(({ ctx, input }) => this.commands.execute(new RequestCallbackCommand(ctx.actor, input.phone, input.window))),
      callBack: requireAbility('create', 'PhoneCall')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/call-back', tags, protect: true, summary: 'Call the requester back: Twilio rings your phone first, then connects the customer' } })
        .input(zCallBackInput)
        .output(zCallBackResult)
        .mutation(({ ctx, input }) => this.commands.execute(new CallBackCommand(ctx.actor, input.id, input.agentPhone))),
      settings: requireAbility('manage', 'ChannelSettings')
        .meta({ openapi: { method: 'GET', path: '/settings/phone', tags, protect: true, summary: 'The Twilio settings in force (admins); the auth token is never returned' } })
        .input(z.object({}).optional())
        .output(zTwilioSettings)
        .query(({ ctx }) => this.queries.execute(new GetTwilioSettingsQuery(ctx.actor))),
      updateSettings: requireAbility('manage', 'ChannelSettings')
        .meta({ openapi: { method: 'PUT', path: '/settings/phone', tags, protect: true, summary: 'Change the Twilio settings (admins); an empty value falls back to the environment' } })
        .input(zUpdateTwilioSettingsInput)
        .output(zTwilioSettings)
        .mutation(({ ctx, input }) => this.commands.execute(new UpdateTwilioSettingsCommand(ctx.actor, input))),
      whatsappTemplates: requireAbility('create', 'WhatsappTemplate')
        .meta({ openapi: { method: 'GET', path: '/whatsapp-templates', tags, protect: true, summary: 'The approved WhatsApp templates staff may send outside the 24-hour window' } })
        .input(z.object({}).optional())
        .output(z.array(zWhatsappTemplate))
        .query(() => this.templates.list()),
      sendWhatsappTemplate: requireAbility('create', 'WhatsappTemplate')
        .meta({ openapi: { method: 'POST', path: '/tickets/{id}/whatsapp-template', tags, protect: true, summary: 'Send an approved WhatsApp template on a WhatsApp ticket (also after the 24-hour window)' } })
        .input(zSendWhatsappTemplateInput)
        .output(zTimelineEntry)
        .mutation(({ ctx, input }) => this.commands.execute(new SendWhatsappTemplateCommand(ctx.actor, input.id, input.template, input.variables))),
    });
  }
}
