import { DEFAULT_TRANSITIONS, type TicketStatus } from '@switchboard/contracts';

/** The default workflow (shared with the workspace's issue type editor): closed is final, resolved can be reopened. */
export const TRANSITIONS = DEFAULT_TRANSITIONS;

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

/**
 * A customer writing on a ticket that waits for them, or that was resolved, puts it back in the queue;
 * so does writing on a recently closed one (older closed tickets get a follow-up ticket instead).
 */
export function statusAfterCustomerMessage(current: TicketStatus): TicketStatus {
  return current === 'waiting_on_customer' || current === 'resolved' || current === 'closed' ? 'open' : current;
}
