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
  /** A staff member's public reply, to deliver to the customer on the ticket's channel (channels/). */
  'ticket.reply': { ticketId: number; entryId: number };
  /** A password reset link for one user; the token is single-use and short-lived (auth/password-reset/). */
  'auth.password_reset': { userId: number; email: string; name: string; resetUrl: string; expiresAt: string };
  /** Asks a self-registered customer to confirm their address (auth/email-verification/). */
  'auth.verify_email': { userId: number; email: string; name: string; verifyUrl: string };
  /** An invitation to join the workspace, with its signed, expiring link (people/). */
  'staff.invited': { invitationId: number; email: string; name: string; inviterName: string; link: string; expiresAt: string };
  /** A critical + critical ticket: every online agent and every manager hears at once (routing/). */
  'ticket.critical': { ticketId: number; subject: string; recipients: { email: string; name: string }[] };
}
export type OutboxTopic = keyof OutboxTopics;

export const OUTBOX_QUEUE = 'outbox';

/** The Bull job for one outbox row (jobId `outbox:<row id>:<relay time>`). */
export interface OutboxJob<T extends OutboxTopic = OutboxTopic> {
  outboxId: number;
  topic: T;
  payload: OutboxTopics[T];
}
