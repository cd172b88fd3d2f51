import { LinkTicketsHandler } from './link-tickets/link-tickets.handler.js';
import { MergeTicketsHandler } from './merge-tickets/merge-tickets.handler.js';
import { SplitTicketHandler } from './split-ticket/split-ticket.handler.js';
import { MoveTicketEntryHandler } from './move-ticket-entry/move-ticket-entry.handler.js';
import { BulkUpdateTicketsHandler } from './bulk-update-tickets/bulk-update-tickets.handler.js';
import { AddTicketEntryHandler } from './add-ticket-entry/add-ticket-entry.handler.js';
import { CloseTicketHandler } from './close-ticket/close-ticket.handler.js';
import { ReopenTicketHandler } from './reopen-ticket/reopen-ticket.handler.js';
import { CreateTicketHandler } from './create-ticket/create-ticket.handler.js';
import { UpdateTicketHandler } from './update-ticket/update-ticket.handler.js';

export const TicketCommandHandlers = [
  CreateTicketHandler,
  UpdateTicketHandler,
  AddTicketEntryHandler,
  BulkUpdateTicketsHandler,
  CloseTicketHandler,
  ReopenTicketHandler,
  MergeTicketsHandler,
  SplitTicketHandler,
  MoveTicketEntryHandler,
  LinkTicketsHandler,
];
