import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { CALLBACK_TAG, type Ticket } from '@switchboard/contracts';
import { CreateTicketCommand } from '../../../../tickets/commands/create-ticket/create-ticket.command.js';
import { UpdateTicketCommand } from '../../../../tickets/commands/update-ticket/update-ticket.command.js';
import { GetTicketQuery } from '../../../../tickets/queries/get-ticket/get-ticket.query.js';
import { SystemActor } from '../../../../users/system-actor.js';
import { CustomerPhonesRepository } from '../../customer-phones.repository.js';
import { parseTwilioAddress } from '../../twilio-address.js';
import { TwilioErrors } from '../../twilio.errors.js';
import { RequestCallbackCommand } from './request-callback.command.js';

/**
 * Opens an urgent phone ticket "Callback requested by <number>" for the customer, tagged
 * callback-requested (by the system: customers cannot tag), and remembers the number as theirs
 * unless it already belongs to someone.
 */
@CommandHandler(RequestCallbackCommand)
export class RequestCallbackHandler implements ICommandHandler<RequestCallbackCommand, Ticket> {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly phones: CustomerPhonesRepository,
    private readonly system: SystemActor,
  ) {}

  async execute({ actor, phone, window }: RequestCallbackCommand): Promise<Ticket> {
    if (actor.ability.cannot('create', 'CallbackRequest')) throw TwilioErrors.forbidden('request a callback');
    const address = parseTwilioAddress(phone);
    if (!address || address.channel !== 'sms') throw TwilioErrors.invalidPhone('phone');
    await this.phones.claim(actor.user.id, address.e164);
    const description = [`Please call me back at ${address.e164}.`, window ? `Preferred time: ${window}` : null].filter(Boolean).join('\n');
    const ticket = await this.commands.execute(
      new CreateTicketCommand(actor, { subject: `Callback requested by ${address.e164}`, description, urgency: 'high', importance: 'medium' }, 'phone'),
    );
    await this.commands.execute(new UpdateTicketCommand(await this.system.get(), ticket.id, { addTags: [CALLBACK_TAG] }));
    return this.queries.execute(new GetTicketQuery(actor, ticket.id));
  }
}
