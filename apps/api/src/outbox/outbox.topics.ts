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
  /** A company admin invited someone into their company (companies/): a portal link, signed and expiring, with the company's branding. */
  'company.invited': {
    invitationId: number;
    email: string;
    name: string;
    inviterName: string;
    companyName: string;
    brand: { name: string; logo_url: string; primary_color: string; accent_color: string };
    link: string;
    expiresAt: string;
  };
  /** A critical + critical ticket: every online agent and every manager hears at once (routing/). */
  'ticket.critical': { ticketId: number; subject: string; recipients: { email: string; name: string }[] };
  /** An SLA target is approaching (sla/): one email per recipient (the assignee, or the managers). */
  'sla.warning': SlaAlertPayload;
  /** An SLA target was breached (sla/): the assignee and the managers. */
  'sla.breached': SlaAlertPayload;
  /** A Twilio webhook (message, call, recording...) stored in twilio_inbound, to apply in the worker (channels/twilio/). */
  'twilio.inbound': { inboundId: number };
  /** An agent's call back: ring the agent's phone, then bridge the customer (channels/twilio/). */
  'twilio.call': { ticketId: number; agentPhone: string; customerPhone: string; requestedById: number };
  /** A breached target's escalation, written with the breach (sla/): the values to set, applied once by the system user. */
  'sla.escalate': { ticketId: number; targetId: number; urgency?: string; teamId?: number; assigneeId?: number };
  /** Open tickets whose due times a settings change may have moved (sla/): recomputed in the worker. */
  'sla.recompute': { reason: string; policyId?: number; calendarId?: number; requesterId?: number };
  /** A live chat nobody answered became a ticket: tell the visitor we answer by email (chat/). */
  'chat.follow_up': { chatId: number; ticketId: number; email: string; name: string; reason: 'no_agent' | 'abandoned' };
  /** A ticket was assigned to someone by someone else (tickets/, routing/): the assignee's email (inbox/staff-ticket-notices.ts). */
  'ticket.assigned': StaffTicketNoticePayload;
  /** The requester wrote on a ticket assigned to someone: the assignee's email. */
  'ticket.customer_replied': StaffTicketNoticePayload;
  /** Routing gave a new ticket a team: each active member's email. */
  'team.ticket_created': StaffTicketNoticePayload;
  /** A background job gave up and an admin's alert for its topic started: that admin's email (failed-work/, docs/decisions/026). */
  'failed_work.alert': { topic: string; error: string; recipient: { id: number; email: string; name: string } };
}
/** One staff notification email per recipient, each through their own notification preferences. */
export interface StaffTicketNoticePayload {
  ticketId: number;
  subject: string;
  actorName: string;
  teamName?: string;
  excerpt: string;
  recipients: { id: number; email: string; name: string }[];
}
export type StaffNoticeTopic = 'ticket.assigned' | 'ticket.customer_replied' | 'team.ticket_created';
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
