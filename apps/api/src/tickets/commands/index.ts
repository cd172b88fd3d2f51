import { BulkUpdateTicketsHandler } from './bulk-update-tickets/bulk-update-tickets.handler.js';
import { AddTicketEntryHandler } from './add-ticket-entry/add-ticket-entry.handler.js';
import { CreateTicketHandler } from './create-ticket/create-ticket.handler.js';
import { UpdateTicketHandler } from './update-ticket/update-ticket.handler.js';

export const TicketCommandHandlers = [CreateTicketHandler, UpdateTicketHandler, AddTicketEntryHandler, BulkUpdateTicketsHandler];
