import { LEVELS, STATUS_LABELS, TICKET_STATUSES, type Level, type TicketStatus } from '@switchboard/contracts/enums';

export { LEVELS, STATUS_LABELS, TICKET_STATUSES };
export type { Level, TicketStatus };

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

export function statusLabel(status: string): string {
  return isTicketStatus(status) ? STATUS_LABELS[status] : humanize(status);
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

export const LEVEL_LABELS: Record<Level, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export function humanize(value: string): string {
  const words = value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Puts a field name in front of a contract message ("is required" -> "Subject is required");
 * a message that is already a sentence is shown as it is.
 */
export function fieldMessage(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
