export const ROLES = ['customer', 'agent', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

export const CHANNELS = ['portal', 'email', 'sms', 'whatsapp', 'phone', 'chat', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Timeline entry kinds: what a customer wrote, what an agent sent, an internal note, a system event, or a phone call. */
export const ENTRY_KINDS = ['message', 'reply', 'note', 'event', 'call'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  waiting_on_customer: 'Waiting on you',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const CUSTOM_FIELD_KINDS = ['text', 'long_text', 'number', 'date', 'single_select', 'multi_select', 'checkbox'] as const;
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number];

/** 'due': the earliest running SLA due time (tickets without one last). */
export const TICKET_SORTS = ['created', 'updated', 'priority', 'status', 'due'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
