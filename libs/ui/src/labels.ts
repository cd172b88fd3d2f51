import { STATUS_LABELS, type Channel, type Level, type TicketStatus } from '@switchboard/contracts';

export type Viewer = 'agent' | 'customer';

/**
 * Status names differ by audience: the contracts' STATUS_LABELS speak to the customer
 * ("Waiting on you"); staff read the same state as "Waiting on customer".
 */
export const AGENT_STATUS_LABELS: Record<TicketStatus, string> = {
  ...STATUS_LABELS,
  waiting_on_customer: 'Waiting on customer',
};

export function statusLabel(status: string, viewer: Viewer = 'agent'): string {
  const labels: Record<string, string> = viewer === 'agent' ? AGENT_STATUS_LABELS : STATUS_LABELS;
  return labels[status] ?? humanize(status);
}

export const LEVEL_LABELS: Record<Level, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export function levelLabel(level: string): string {
  return (LEVEL_LABELS as Record<string, string>)[level] ?? humanize(level);
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: 'portal',
  email: 'email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  phone: 'phone',
  chat: 'chat',
  api: 'API',
};

export function channelLabel(channel: string): string {
  return (CHANNEL_LABELS as Record<string, string>)[channel] ?? channel;
}

/** "in_progress" -> "In progress", "assigneeId" -> "Assignee id". */
export function humanize(value: string): string {
  const words = value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
