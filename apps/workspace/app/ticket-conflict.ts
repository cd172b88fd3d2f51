/** What the ticket page says when a change lost the optimistic-locking race (reply, status, priority). */
export const CONFLICT_MESSAGE =
  'This ticket changed since you opened it (someone else updated it). Reload to see the latest version, then try again.';

/** What the status and priority forms get back when the API refused the change. */
export interface TicketChangeErrors {
  intent: 'status' | 'priority';
  formError: string;
  conflict?: boolean;
  detail?: string;
}
