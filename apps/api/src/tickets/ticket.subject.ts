import { subject } from '@casl/ability';
import type { TicketFields } from '../access/app-ability.js';
import type { TicketModel } from './ticket.model.js';

/** The fields CASL conditions on tickets may look at, tagged as a 'Ticket' subject. */
export function ticketSubject(ticket: Pick<TicketModel, 'id' | 'requesterId' | 'companyId' | 'assigneeId' | 'status'>) {
  const fields: TicketFields = {
    id: ticket.id,
    requesterId: ticket.requesterId,
    companyId: ticket.companyId,
    assigneeId: ticket.assigneeId,
    status: ticket.status,
  };
  return subject('Ticket', fields);
}
