/** Outbox topics and their payloads: what other processes learn about a change. */
export interface OutboxTopics {
  'ticket.created': { ticketId: number; subject: string; requesterEmail: string; requesterName: string };
  /** Asks the requester for a satisfaction rating (satisfaction/). */
  'ticket.resolved': { ticketId: number; requesterEmail: string; requesterName: string };
  /** Tells the requester once that their duplicate request now lives on another ticket. */
  'ticket.merged': { sourceId: number; targetId: number; subject: string; requesterEmail: string; requesterName: string };
  /** One row per staff member @mentioned in an internal note. */
  'note.mention': {
    ticketId: number;
    subject: string;
    entryId: number;
    authorName: string;
    recipientId: number;
    recipientEmail: string;
    recipientName: string;
    excerpt: string;
  };
  /** An SLA target is approaching (sla/): one email per recipient (the assignee, or the managers). */
  'sla.warning': SlaAlertPayload;
  /** An SLA target was breached (sla/): the assignee and the managers. */
  'sla.breached': SlaAlertPayload;
}
export interface SlaAlertPayload {
  ticketId: number;
  subject: string;
  metric: string;
  dueAt: string;
  recipients: { id: number; email: string; name: string }[];
}
export type OutboxTopic = keyof OutboxTopics;

export const OUTBOX_QUEUE = 'outbox';

/** The Bull job for one outbox row (jobId `outbox:<row id>:<relay time>`). */
export interface OutboxJob<T extends OutboxTopic = OutboxTopic> {
  outboxId: number;
  topic: T;
  payload: OutboxTopics[T];
}
