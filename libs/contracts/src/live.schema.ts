import { z } from 'zod';

/** A Redis stream id ("<ms>-<seq>"): what a live subscription's events are tracked by, and what a reconnect resumes from. */
export const zLiveEventId = z.string().regex(/^\d{1,20}-\d{1,20}$/, { error: 'must be an event id such as 1700000000000-0' });

const resumable = { lastEventId: zLiveEventId.nullish() };

export const zLiveTicketInput = z.object({ ticketId: z.coerce.number().int().positive(), ...resumable });
export const zLiveQueueInput = z.object({ ...resumable }).optional();
export const zLiveNotificationsInput = z.object({ ...resumable }).optional();
export const zLivePresenceInput = z.object({ ticketId: z.coerce.number().int().positive() });

/** viewing: the ticket is open; replying: writing a public reply; noting: writing an internal note (staff only see it). */
export const PRESENCE_STATES = ['viewing', 'replying', 'noting', 'left'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];
export const zHeartbeatInput = z.object({ ticketId: z.coerce.number().int().positive(), state: z.enum(PRESENCE_STATES) });

export interface LiveFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * What a live subscription delivers: a notice that something changed, never the data itself. The
 * apps reload what they show through the ordinary queries, which apply the same access rules.
 */
export type LiveTicketEvent =
  | { type: 'ticket.created'; ticketId: number; status: string; actorId: number; at: string }
  | { type: 'ticket.updated'; ticketId: number; status: string; changes: LiveFieldChange[]; actorId: number; at: string }
  | { type: 'entry.added'; ticketId: number; entryId: number; kind: string; visibility: 'public' | 'internal'; actorId: number; at: string }
  /** Someone (staff see it; customers never get this event) has read the timeline up to entryId: a read receipt. */
  | { type: 'entry.seen'; ticketId: number; entryId: number; actorId: number; at: string }
  /**
   * An entry already on the timeline changed after it was added: a call's recording or transcript
   * arrived, or a reply's delivery state moved (sent, delivered, read, failed). Same access as entry.added.
   */
  | { type: 'entry.updated'; ticketId: number; entryId: number; kind: string; visibility: 'public' | 'internal'; change: 'call' | 'delivery'; actorId: number; at: string };

export interface PresenceEntry {
  userId: number;
  name: string;
  state: Exclude<PresenceState, 'left'>;
}

export interface LiveNotificationCount {
  unread: number;
  /** The notification that caused this update, if one did. */
  latestId: number | null;
}

export const zInboxListInput = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).optional();
export const zMarkReadInput = z.object({ ids: z.array(z.number().int().positive()).max(500).optional(), all: z.boolean().optional() });

export const zUserNotification = z.object({
  id: z.number(),
  kind: z.string(),
  ticketId: z.number().nullable(),
  title: z.string(),
  body: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type UserNotification = z.infer<typeof zUserNotification>;
export const zInbox = z.object({ unread: z.number(), items: z.array(zUserNotification) });
export type Inbox = z.infer<typeof zInbox>;

/** "I have seen the timeline up to this entry": the pages send their newest visible entry. */
export const zSeenInput = z.object({ ticketId: z.coerce.number().int().positive(), entryId: z.coerce.number().int().positive() });
export const zReceiptsInput = z.object({ ticketId: z.coerce.number().int().positive() });
export const zReadReceipt = z.object({
  userId: z.number(),
  name: z.string(),
  /** The ticket's requester (the customer), as opposed to a colleague. */
  requester: z.boolean(),
  lastEntryId: z.number(),
  readAt: z.string(),
});
export type ReadReceipt = z.infer<typeof zReadReceipt>;
