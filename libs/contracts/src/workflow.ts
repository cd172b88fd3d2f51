import type { TicketStatus } from './enums.js';

/**
 * The default workflow: which status may follow which. Closed is final; a resolved ticket can be reopened.
 * The single source: the API enforces it, the workspace shows and prefills it in the issue type editor.
 */
export const DEFAULT_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'],
  in_progress: ['open', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'in_progress', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  resolved: ['open', 'in_progress', 'closed'],
  closed: [],
};
