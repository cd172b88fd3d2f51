import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { CallBackResult } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../../audit/audit.repository.js';
import { OutboxRepository } from '../../../../outbox/outbox.repository.js';
import { GetTicketQuery } from '../../../../tickets/queries/get-ticket/get-ticket.query.js';
import { CustomerPhonesRepository } from '../../customer-phones.repository.js';
import { parseTwilioAddress } from '../../twilio-address.js';
import { TwilioErrors } from '../../twilio.errors.js';
import { CallBackCommand } from './call-back.command.js';

/**
 * Queues a call back through the outbox (audit row in the same transaction); the worker asks
 * Twilio to place it (twilio-call.processor.ts) and the finished call lands on the timeline.
 */
@CommandHandler(CallBackCommand)
export class CallBackHandler implements ICommandHandler<CallBackCommand, CallBackResult> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly queries: QueryBus,
    private readonly phones: CustomerPhonesRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute({ actor, ticketId, agentPhone }: CallBackCommand): Promise<CallBackResult> {
    if (actor.ability.cannot('create', 'PhoneCall')) throw TwilioErrors.forbidden('call customers');
    const agent = parseTwilioAddress(agentPhone);
    if (!agent || agent.channel !== 'sms') throw TwilioErrors.invalidPhone('agentPhone');
    // 404 for a ticket the agent may not read, like every other procedure.
    const ticket = await this.queries.execute(new GetTicketQuery(actor, ticketId));
    const customer = await this.phones.latestOf(ticket.requester.id);
    if (!customer) throw TwilioErrors.noCustomerPhone(ticketId);
    await this.sequelize.transaction(async (transaction) => {
      await this.audit.record(
        actor,
        { action: 'ticket.call_back', subjectType: 'Ticket', subjectId: ticketId, after: { agentPhone: agent.e164, customerPhone: customer.e164 } },
        transaction,
      );
      await this.outbox.append(
        'twilio.call',
        { ticketId, agentPhone: agent.e164, customerPhone: customer.e164, requestedById: actor.user.id },
        transaction,
      );
    });
    return { ticketId, customerPhone: customer.e164, agentPhone: agent.e164, status: 'queued' };
  }
}
