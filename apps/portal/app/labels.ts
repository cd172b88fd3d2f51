import { LEVELS, STATUS_LABELS, TICKET_STATUSES, type Level, type TicketStatus } from '@switchboard/contracts/enums';
import { statusLabel as sharedStatusLabel } from '@switchboard/ui';

export { LEVELS, STATUS_LABELS, TICKET_STATUSES };
export type { Level, TicketStatus };
export { LEVEL_LABELS, levelLabel } from '@switchboard/ui';

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

/** A status in the customer's words ("Waiting on you"). */
export function statusLabel(status: string): string {
  return sharedStatusLabel(status, 'customer');
}

/** Ticket numbers are shown the way support staff say them: #1001. */
export function ticketNumber(ticket: { number: number }): string {
  return `#${ticket.number}`;
}

export const URGENCY_OPTIONS: Record<Level, string> = {
  low: 'Not urgent: it can wait',
  medium: 'Somewhat urgent: in the next few days',
  high: 'Urgent: as soon as possible',
  critical: 'Critical: I am blocked right now',
};

export const IMPORTANCE_OPTIONS: Record<Level, string> = {
  low: 'A little: a minor annoyance',
  medium: 'Some: part of my work is affected',
  high: 'A lot: most of my work is affected',
  critical: 'Completely: nothing works for us',
};

/**
 * Puts a field name in front of a contract message ("is required" -> "Subject is required");
 * a message that is already a sentence is shown as it is.
 */
export function fieldMessage(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
