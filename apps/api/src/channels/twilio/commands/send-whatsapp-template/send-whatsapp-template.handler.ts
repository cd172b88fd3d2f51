import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { Ticket, TimelineEntry } from '@switchboard/contracts';
import { AddTicketEntryCommand } from '../../../../tickets/commands/add-ticket-entry/add-ticket-entry.command.js';
import { GetTicketQuery } from '../../../../tickets/queries/get-ticket/get-ticket.query.js';
import { WhatsappTemplatesService } from '../../whatsapp-templates.service.js';
import { templateSummary } from '../../whatsapp-templates.js';
import { TwilioErrors } from '../../twilio.errors.js';
import { SendWhatsappTemplateCommand } from './send-whatsapp-template.command.js';

/**
 * Checks the template and its values (400 naming the field), then adds the reply through the
 * tickets module with the template as its origin: the reply is stored with it, skips the 24-hour
 * check, and the worker's TwilioReplySender sends the template (ContentSid + ContentVariables).
 */
@CommandHandler(SendWhatsappTemplateCommand)
export class SendWhatsappTemplateHandler implements ICommandHandler<SendWhatsappTemplateCommand, TimelineEntry> {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly templates: WhatsappTemplatesService,
  ) {}

  async execute({ actor, ticketId, template: name, variables }: SendWhatsappTemplateCommand): Promise<TimelineEntry> {
    if (actor.ability.cannot('create', 'WhatsappTemplate')) throw TwilioErrors.forbidden('send WhatsApp templates');
    // 404 for a ticket the agent may not read, like every other procedure.
    const ticket: Ticket = await this.queries.execute(new GetTicketQuery(actor, ticketId));
    if (ticket.channel !== 'whatsapp') throw TwilioErrors.invalidTemplate('id', `ticket #${ticketId} is not a WhatsApp ticket`);
    const template = (await this.templates.list()).find((t) => t.name === name);
    if (!template) throw TwilioErrors.invalidTemplate('template', `there is no approved template "${name}" (Admin → Phone lists them)`);
    const values = Object.fromEntries(template.variables.map((v) => [v, variables[v]?.trim() ?? '']));
    const missing = template.variables.find((v) => !values[v]);
    if (missing) throw TwilioErrors.invalidTemplate(`variables.${missing}`, 'is required');
    return this.commands.execute(
      new AddTicketEntryCommand(actor, ticketId, templateSummary(template, values), false, 'whatsapp', [], undefined, {
        template: { name: template.name, contentSid: template.contentSid, variables: values },
      }),
    );
  }
}
