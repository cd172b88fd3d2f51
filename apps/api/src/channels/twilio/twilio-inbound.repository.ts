import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { OutboxRepository } from '../../outbox/outbox.repository.js';

/** What Twilio posted: a message, a call, a recording... keyed by Twilio's own id for that kind. */
export type InboundKind = 'message' | 'call' | 'recording' | 'transcription' | 'callback' | 'status';

export interface NewInbound {
  kind: InboundKind;
  sid: string;
  channel: string;
  from: string;
  to: string;
  payload: Record<string, string>;
}

export interface InboundRow {
  id: number;
  kind: InboundKind;
  sid: string;
  channel: string;
  from_address: string;
  to_address: string;
  payload: Record<string, string> | string;
  outcome: string | null;
  ticket_id: number | null;
  entry_id: number | null;
  processed_at: Date | null;
}

export interface InboundOutcome {
  outcome: string;
  ticketId: number | null;
  entryId: number | null;
}

/** twilio_inbound: every webhook stored before we answer, applied later by a job, once. */
@Injectable()
export class TwilioInboundRepository {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly outbox: OutboxRepository,
  ) {}

  /**
   * Stores the payload and queues its processing in one transaction (the outbox relays it to the
   * worker). A sid we already have stores nothing and queues nothing: returns false.
   */
  async accept(inbound: NewInbound): Promise<boolean> {
    return this.sequelize.transaction(async (transaction) => {
      const [id, affected] = (await this.sequelize.query(
        `INSERT INTO twilio_inbound (kind, sid, channel, from_address, to_address, payload) VALUES (?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE id = id`,
        {
          replacements: [inbound.kind, inbound.sid, inbound.channel, inbound.from.slice(0, 64), inbound.to.slice(0, 64), JSON.stringify(inbound.payload)],
          type: QueryTypes.INSERT,
          transaction,
        },
      )) as unknown as [number, number];
      if (affected !== 1) return false;
      await this.outbox.append('twilio.inbound', { inboundId: Number(id) }, transaction);
      return true;
    });
  }

  /** Locks the row for the rest of the transaction: a second run of the same job waits, then sees it processed. */
  async lock(id: number, transaction: Transaction): Promise<InboundRow | null> {
    const [row] = await this.sequelize.query<InboundRow>('SELECT * FROM twilio_inbound WHERE id = ? FOR UPDATE', {
      type: QueryTypes.SELECT,
      replacements: [id],
      transaction,
    });
    if (!row) return null;
    return { ...row, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload };
  }

  /** Another row, locked in the caller's transaction (a voicemail takes its transcript this way). */
  async lockBySid(kind: InboundKind, sid: string, transaction: Transaction): Promise<InboundRow | null> {
    const [row] = await this.sequelize.query<InboundRow>('SELECT * FROM twilio_inbound WHERE kind = ? AND sid = ? FOR UPDATE', {
      type: QueryTypes.SELECT,
      replacements: [kind, sid],
      transaction,
    });
    if (!row) return null;
    return { ...row, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload };
  }

  async bySid(kind: InboundKind, sid: string): Promise<InboundRow | null> {
    const [row] = await this.sequelize.query<InboundRow>('SELECT * FROM twilio_inbound WHERE kind = ? AND sid = ?', {
      type: QueryTypes.SELECT,
      replacements: [kind, sid],
    });
    if (!row) return null;
    return { ...row, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload };
  }

  /**
   * The voicemail left during a call, once its job has put it on a ticket: the recording's
   * attachment and the transcript (merged into the voicemail, or added after it).
   */
  async voicemailOfCall(callSid: string): Promise<{ attachmentId: number | null; transcription: string | null } | null> {
    const [row] = await this.sequelize.query<{ attachment_id: number | null; transcript: string | Record<string, string> | null }>(
      `SELECT (SELECT MIN(a.id) FROM attachments a WHERE a.ticket_entry_id = r.entry_id) AS attachment_id,
              (SELECT t.payload FROM twilio_inbound t WHERE t.kind = 'transcription' AND t.sid = r.sid AND t.outcome IN ('merged', 'transcript_added')) AS transcript
         FROM twilio_inbound r
        WHERE r.kind = 'recording' AND r.processed_at IS NOT NULL AND r.entry_id IS NOT NULL
          AND JSON_UNQUOTE(JSON_EXTRACT(r.payload, '$.CallSid')) = ?
        ORDER BY r.id DESC LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: [callSid] },
    );
    if (!row) return null;
    const transcript = typeof row.transcript === 'string' ? (JSON.parse(row.transcript) as Record<string, string>) : row.transcript;
    return { attachmentId: row.attachment_id == null ? null : Number(row.attachment_id), transcription: transcript?.TranscriptionText?.trim() || null };
  }

  async markProcessed(id: number, outcome: InboundOutcome, transaction: Transaction) {
    await this.sequelize.query(
      'UPDATE twilio_inbound SET outcome = ?, ticket_id = ?, entry_id = ?, processed_at = CURRENT_TIMESTAMP(3) WHERE id = ?',
      { replacements: [outcome.outcome, outcome.ticketId, outcome.entryId, id], transaction },
    );
  }

  /** The number a phone ticket's customer last called us on. */
  async lastCalledNumber(ticketId: number): Promise<string | null> {
    const [row] = await this.sequelize.query<{ to_address: string }>(
      `SELECT to_address FROM twilio_inbound WHERE ticket_id = ? AND kind IN ('call', 'recording', 'callback') AND to_address <> ''
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: [ticketId] },
    );
    return row?.to_address ?? null;
  }

  /** The number the customer last wrote to on this ticket: replies go out from it. */
  async lastMessageOn(ticketId: number): Promise<{ channel: string; from: string; to: string } | null> {
    const [row] = await this.sequelize.query<{ channel: string; from_address: string; to_address: string }>(
      `SELECT channel, from_address, to_address FROM twilio_inbound
        WHERE ticket_id = ? AND kind = 'message' ORDER BY created_at DESC, id DESC LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: [ticketId] },
    );
    return row ? { channel: row.channel, from: row.from_address, to: row.to_address } : null;
  }
}
