import type { Channel } from '@switchboard/contracts';

/** A public reply by staff, loaded for delivery on the ticket's channel (channels/reply-delivery.processor.ts). */
export interface OutgoingReply {
  outboxId: number;
  ticketId: number;
  ticketSubject: string;
  /** The ticket's channel: where the customer wrote from, and so where the reply goes. */
  channel: Channel;
  entryId: number;
  body: string;
  bodyHtml: string | null;
  author: { id: number; name: string };
  requester: { id: number; name: string; email: string };
  /** Attachments of the reply entry (ids in the attachments table). */
  attachmentIds: number[];
}

/**
 * Delivers a reply on one or more channels. Each channel module registers its sender with
 * ReplySenders when it starts; a sender must be idempotent per outbox row (the job may run again),
 * and must mark the outbox row done (or throw, and Bull retries with backoff).
 */
export interface ReplySender {
  send(reply: OutgoingReply): Promise<void>;
}
