import { GetTicketLinksHandler } from './get-ticket-links/get-ticket-links.handler.js';
import { GetTicketHandler } from './get-ticket/get-ticket.handler.js';
import { GetTimelineHandler } from './get-timeline/get-timeline.handler.js';
import { ListTicketsHandler } from './list-tickets/list-tickets.handler.js';

export const TicketQueryHandlers = [ListTicketsHandler, GetTicketHandler, GetTimelineHandler, GetTicketLinksHandler];
