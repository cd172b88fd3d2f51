import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import { RequesterTransition } from '../../requester-transition.js';
import { ReopenTicketCommand } from './reopen-ticket.command.js';

@CommandHandler(ReopenTicketCommand)
export class ReopenTicketHandler implements ICommandHandler<ReopenTicketCommand, Ticket> {
  constructor(private readonly transition: RequesterTransition) {}

  execute({ actor, ticketId, version }: ReopenTicketCommand): Promise<Ticket> {
    // Only resolved tickets reopen; a closed one takes a reply (which reopens or opens a follow-up).
    return this.transition.apply(actor, ticketId, { action: 'reopen', to: 'open', from: ['resolved'] }, version);
  }
}
