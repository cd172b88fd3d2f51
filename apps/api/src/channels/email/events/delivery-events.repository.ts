import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** One event of SendGrid's Event Webhook (the fields we use; the whole object is stored). */
export interface SendgridEvent {
  event: string;
  email?: string;
  timestamp?: number;
  sg_event_id?: string;
  sg_message_id?: string;
  reason?: string;
  response?: string;
  [key: string]: unknown;
}

/** What an event says about the message, and how far along that is (a late "processed" never undoes "delivered"). */
const STATUS: Record<string, { status: string; rank: number; failed?: boolean }> = {
  processed: { status: 'processed', rank: 1 },
  deferred: { status: 'deferred', rank: 2 },
  delivered: { status: 'delivered', rank: 3 },
  open: { status: 'opened', rank: 4 },
  click: { status: 'clicked', rank: 5 },
  spamreport: { status: 'spam_reported', rank: 8 },
  bounce: { status: 'bounced', rank: 9, failed: true },
  blocked: { status: 'bounced', rank: 9, failed: true },
  dropped: { status: 'dropped', rank: 9, failed: true },
};
const rankOf = (status: string | null) => Object.values(STATUS).find((s) => s.status === status)?.rank ?? 0;

/**
 * Records Event Webhook events once each (by sg_event_id) and moves the outbound message they are
 * about (found by SendGrid's message id, the X-Message-Id we kept when sending) forward.
 * Everything of one post happens in one transaction, before we answer.
 */
@Injectable()
export class DeliveryEventsRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** Stores the events; `updatedEntryIds` are the timeline entries whose reply's delivery state moved. */
  async record(events: SendgridEvent[]): Promise<{ recorded: number; duplicates: number; unknown: number; updatedEntryIds: number[] }> {
    return this.sequelize.transaction(async (transaction) => {
      let recorded = 0;
      let duplicates = 0;
      let unknown = 0;
      const updatedEntryIds = new Set<number>();
      for (const event of events) {
        const eventId = event.sg_event_id ? String(event.sg_event_id).slice(0, 100) : `sha256-${createHash('sha256').update(JSON.stringify(event)).digest('hex').slice(0, 90)}`;
        // sg_message_id is the X-Message-Id we kept when sending, a dot, and SendGrid's own suffix.
        const providerMessageId = event.sg_message_id ? String(event.sg_message_id).split('.')[0]! : null;
        const [message] = providerMessageId
          ? await this.sequelize.query<{ id: number; deliveryStatus: string | null; entryId: number | string | null }>(
              `SELECT id, delivery_status AS deliveryStatus, ticket_entry_id AS entryId FROM outbound_messages
                WHERE provider_message_id = ? AND channel = 'email' FOR UPDATE`,
              { replacements: [providerMessageId], type: QueryTypes.SELECT, transaction },
            )
          : [];
        const occurredAt = new Date(typeof event.timestamp === 'number' ? event.timestamp * 1000 : Date.now());
        const [, inserted] = (await this.sequelize.query(
          `INSERT IGNORE INTO email_delivery_events (sg_event_id, outbound_message_id, sg_message_id, event, recipient, reason, occurred_at, payload)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          {
            replacements: [
              eventId,
              message?.id ?? null,
              event.sg_message_id ? String(event.sg_message_id).slice(0, 255) : null,
              String(event.event).slice(0, 30),
              event.email ? String(event.email).toLowerCase().slice(0, 190) : null,
              (event.reason ?? event.response ?? null) as string | null,
              occurredAt,
              JSON.stringify(event),
            ],
            type: QueryTypes.INSERT,
            transaction,
          },
        )) as unknown as [number, number];
        if (!inserted) {
          duplicates++;
          continue;
        }
        recorded++;
        const next = STATUS[String(event.event)];
        if (!message) {
          unknown++;
          continue;
        }
        if (!next || next.rank < rankOf(message.deliveryStatus)) continue;
        await this.sequelize.query(
          `UPDATE outbound_messages SET delivery_status = ?, delivery_updated_at = ?${next.failed ? ', status = ?, delivery_error = ?' : ''} WHERE id = ?`,
          {
            replacements: [
              next.status,
              occurredAt,
              ...(next.failed ? [next.status, String(event.reason ?? event.response ?? event.event).slice(0, 4000)] : []),
              message.id,
            ],
            transaction,
          },
        );
        if (message.entryId != null) updatedEntryIds.add(Number(message.entryId));
      }
      return { recorded, duplicates, unknown, updatedEntryIds: [...updatedEntryIds] };
    });
  }
}
