import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { statesBelowOrAt, type DeliveryState } from './delivery-status.js';

export interface Delivery {
  id: number;
  providerSid: string | null;
  status: string;
  deliveryStatus: string | null;
}

/**
 * The Twilio side of outbound_messages (the notifications module's table): one row per outbox
 * event and recipient, with Twilio's sid (provider_message_id, unique with the channel) and the
 * delivery state its callbacks report. Ours are every channel but email (decision 029).
 */
const TWILIO_ROWS = "channel <> 'email'";

@Injectable()
export class TwilioDeliveriesRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async find(outboxEventId: number, recipient: string): Promise<Delivery | null> {
    const [row] = await this.sequelize.query<{ id: number; sid: string | null; status: string; delivery_status: string | null }>(
      'SELECT id, provider_message_id AS sid, status, delivery_status FROM outbound_messages WHERE outbox_event_id = ? AND recipient = ?',
      { type: QueryTypes.SELECT, replacements: [outboxEventId, recipient] },
    );
    return row ? { id: Number(row.id), providerSid: row.sid, status: row.status, deliveryStatus: row.delivery_status } : null;
  }

  /** Records the attempt before calling Twilio (idempotent per outbox event and recipient); `error` says why it is not sent. */
  async begin(message: { outboxEventId: number; channel: string; recipient: string; body: string; ticketId: number; entryId: number | null; status: string; error?: string }) {
    await this.sequelize.query(
      `INSERT INTO outbound_messages (outbox_event_id, channel, recipient, subject, body, status, ticket_id, ticket_entry_id, error)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE status = IF(provider_message_id IS NULL, VALUES(status), status), error = VALUES(error)`,
      {
        replacements: [
          message.outboxEventId,
          message.channel,
          message.recipient,
          message.body,
          message.status,
          message.ticketId,
          message.entryId,
          message.error ?? null,
        ],
      },
    );
  }

  async sent(outboxEventId: number, recipient: string, providerSid: string, deliveryStatus: string) {
    await this.sequelize.query(
      `UPDATE outbound_messages SET status = 'sent', provider_message_id = ?, delivery_status = COALESCE(delivery_status, ?),
              delivery_updated_at = CURRENT_TIMESTAMP(3)
        WHERE outbox_event_id = ? AND recipient = ?`,
      { replacements: [providerSid, deliveryStatus, outboxEventId, recipient] },
    );
  }

  /** Whether a message with this Twilio sid is known (a status callback for it is then not early, just stale). */
  async hasSid(providerSid: string): Promise<boolean> {
    const rows = await this.sequelize.query(`SELECT id FROM outbound_messages WHERE provider_message_id = ? AND ${TWILIO_ROWS}`, {
      type: QueryTypes.SELECT,
      replacements: [providerSid],
    });
    return rows.length > 0;
  }

  /** The timeline entry a message with this Twilio sid was sent for (null: not a reply, or unknown). */
  async entryOf(providerSid: string): Promise<number | null> {
    const [row] = await this.sequelize.query<{ entryId: number | string | null }>(
      `SELECT ticket_entry_id AS entryId FROM outbound_messages WHERE provider_message_id = ? AND ${TWILIO_ROWS} ORDER BY id LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: [providerSid] },
    );
    return row?.entryId == null ? null : Number(row.entryId);
  }

  /** A status callback: applied only when it moves the message forward. Returns whether a row changed. */
  async report(providerSid: string, state: DeliveryState, error: string | null): Promise<boolean> {
    const [, affected] = (await this.sequelize.query(
      `UPDATE outbound_messages SET delivery_status = ?, delivery_error = ?, delivery_updated_at = CURRENT_TIMESTAMP(3)
        WHERE provider_message_id = ? AND ${TWILIO_ROWS} AND (delivery_status IS NULL OR delivery_status IN (?))`,
      { replacements: [state, error, providerSid, statesBelowOrAt(state)], type: QueryTypes.UPDATE },
    )) as unknown as [unknown, number];
    return affected > 0;
  }
}
