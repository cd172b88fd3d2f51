export const ROLES = ['customer', 'agent', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

export const CHANNELS = ['portal', 'email', 'sms', 'whatsapp', 'phone', 'chat', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Timeline entry kinds: what a customer wrote, what an agent sent, an internal note, or a system event. */
export const ENTRY_KINDS = ['message', 'reply', 'note', 'event'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on you',
  resolved: 'Resolved',
  closed: 'Closed',
};
