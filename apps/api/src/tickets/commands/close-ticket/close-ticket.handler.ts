import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Ticket } from '@switchboard/contracts';
import { RequesterTransition } from '../../requester-transition.js';
import { TRANSITIONS } from '../../ticket-workflow.js';
import { CloseTicketCommand } from './close-ticket.command.js';

/** Any status the workflow lets go to closed. */
const CLOSABLE = (Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>).filter((s) => TRANSITIONS[s].includes('closed'));

@CommandHandler(CloseTicketCommand)
export class CloseTicketHandler implements ICommandHandler<CloseTicketCommand, Ticket> {
  constructor(private readonly transition: RequesterTransition) {}

  execute({ actor, ticketId, version }: CloseTicketCommand): Promise<Ticket> {
    return this.transition.apply(actor, ticketId, { action: 'close', to: 'closed', from: CLOSABLE }, version);
  }
}
