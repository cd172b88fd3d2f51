import type { TicketStatus } from '@switchboard/contracts';

/** The default workflow: which status may follow which. Closed is final; a resolved ticket can be reopened. */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'],
  in_progress: ['open', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'in_progress', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  resolved: ['open', 'in_progress', 'closed'],
  closed: [],
};

export type Workflow = Partial<Record<TicketStatus, TicketStatus[]>> | null | undefined;

/**
 * May a ticket move from `from` to `to`? An issue type's own workflow replaces the default for
 * the statuses it names; the others follow the default. Closed stays final whatever a type says.
 */
export function canTransition(from: TicketStatus, to: TicketStatus, workflow?: Workflow): boolean {
  if (from === 'closed') return false;
  const allowed = workflow?.[from] ?? TRANSITIONS[from];
  return allowed.includes(to);
}

/** A customer writing on a ticket that waits for them, or that was resolved, puts it back in the queue. */
export function statusAfterCustomerMessage(current: TicketStatus): TicketStatus {
  return current === 'waiting_on_customer' || current === 'resolved' ? 'open' : current;
}
