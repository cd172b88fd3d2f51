import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { InboundMode, InboundPayload } from './inbound-payload.js';

export type InboundStatus = 'received' | 'processing' | 'processed' | 'failed' | 'ignored' | 'spam';

export interface InboundEmailRow {
  id: number;
  messageId: string;
  mode: InboundMode;
  sender: string | null;
  subject: string | null;
  status: InboundStatus;
  failureReason: string | null;
  route: string | null;
  routeReason: string | null;
  ticketId: number | null;
  ticketEntryId: number | null;
  attempts: number;
  /** An admin said it is not spam: the spam score no longer holds it. */
  released: boolean;
  createdAt: Date;
}

const COLUMNS = `id, message_id AS messageId, mode, sender, subject, status, failure_reason AS failureReason, route,
  route_reason AS routeReason, ticket_id AS ticketId, ticket_entry_id AS ticketEntryId, attempts, released, created_at AS createdAt`;

const toRow = (r: InboundEmailRow): InboundEmailRow => ({
  ...r,
  id: Number(r.id),
  ticketId: r.ticketId == null ? null : Number(r.ticketId),
  ticketEntryId: r.ticketEntryId == null ? null : Number(r.ticketEntryId),
  attempts: Number(r.attempts),
  released: Boolean(Number(r.released)),
  createdAt: new Date(r.createdAt),
});

/** A job that holds an inbound email longer than this is presumed dead (worker killed) and the email is claimable again. */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;

/** inbound_emails: the durable record of every post from Inbound Parse, and its processing state. */
@Injectable()
export class InboundEmailRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** Stores a post once per Message-ID. Returns its id and whether it was already there. */
  async store(row: { messageId: string; mode: InboundMode; payload: InboundPayload; sender: string | null; subject: string | null }) {
    return this.sequelize.transaction(async (transaction) => {
      const [, affected] = (await this.sequelize.query(
        `INSERT IGNORE INTO inbound_emails (message_id, mode, payload, sender, subject) VALUES (?, ?, ?, ?, ?)`,
        {
          replacements: [row.messageId, row.mode, JSON.stringify(row.payload), row.sender, row.subject],
          type: QueryTypes.INSERT,
          transaction,
        },
      )) as unknown as [number, number];
      const [existing] = await this.sequelize.query<{ id: number }>('SELECT id FROM inbound_emails WHERE message_id = ?', {
        replacements: [row.messageId],
        type: QueryTypes.SELECT,
        transaction,
      });
      return { id: Number(existing!.id), duplicate: affected === 0 };
    });
  }

  async find(id: number): Promise<InboundEmailRow | null> {
    const [row] = await this.sequelize.query<InboundEmailRow>(`SELECT ${COLUMNS} FROM inbound_emails WHERE id = ?`, {
      replacements: [id],
      type: QueryTypes.SELECT,
    });
    return row ? toRow(row) : null;
  }

  async payload(id: number): Promise<InboundPayload> {
    const [row] = await this.sequelize.query<{ payload: string }>('SELECT payload FROM inbound_emails WHERE id = ?', {
      replacements: [id],
      type: QueryTypes.SELECT,
    });
    return JSON.parse(row!.payload) as InboundPayload;
  }

  /**
   * Takes the email for processing: one worker at a time. A 'received' email, or one whose last
   * claim is older than CLAIM_TIMEOUT_MS (its worker died), can be claimed. Returns the status it
   * had, or null when someone else holds it or it is finished.
   */
  async claim(id: number): Promise<'received' | 'processing' | null> {
    return this.sequelize.transaction(async (transaction) => {
      const [row] = await this.sequelize.query<{ status: InboundStatus; claimedAt: Date | null }>(
        'SELECT status, claimed_at AS claimedAt FROM inbound_emails WHERE id = ? FOR UPDATE',
        { replacements: [id], type: QueryTypes.SELECT, transaction },
      );
      if (!row) return null;
      const stale = row.status === 'processing' && (!row.claimedAt || Date.now() - new Date(row.claimedAt).getTime() > CLAIM_TIMEOUT_MS);
      if (row.status !== 'received' && !stale) return null;
      await this.sequelize.query(
        `UPDATE inbound_emails SET status = 'processing', claimed_at = CURRENT_TIMESTAMP(3), attempts = attempts + 1 WHERE id = ?`,
        { replacements: [id], transaction },
      );
      return row.status as 'received' | 'processing';
    });
  }

  async finish(
    id: number,
    outcome: {
      status: Exclude<InboundStatus, 'received' | 'processing'>;
      reason?: string | null;
      route?: string | null;
      routeReason?: string | null;
      ticketId?: number | null;
      entryId?: number | null;
      sender?: string | null;
      subject?: string | null;
    },
    transaction?: Transaction,
  ) {
    await this.sequelize.query(
      `UPDATE inbound_emails SET status = ?, failure_reason = ?, route = ?, route_reason = ?, ticket_id = ?, ticket_entry_id = ?,
         sender = COALESCE(?, sender), subject = COALESCE(?, subject), processed_at = CURRENT_TIMESTAMP(3) WHERE id = ?`,
      {
        replacements: [
          outcome.status,
          outcome.reason?.slice(0, 4000) ?? null,
          outcome.route ?? null,
          outcome.routeReason?.slice(0, 255) ?? null,
          outcome.ticketId ?? null,
          outcome.entryId ?? null,
          outcome.sender?.slice(0, 190) ?? null,
          outcome.subject?.slice(0, 255) ?? null,
          id,
        ],
        transaction,
      },
    );
  }

  /** A failed email, or one held as spam (then released from the spam check), goes back to 'received'. False when it is neither. */
  async reset(id: number, transaction?: Transaction): Promise<boolean> {
    const [, affected] = (await this.sequelize.query(
      // MySQL assigns left to right: `released` still sees the old status.
      `UPDATE inbound_emails SET released = IF(status = 'spam', 1, released), status = 'received', failure_reason = NULL, claimed_at = NULL
        WHERE id = ? AND status IN ('failed', 'spam')`,
      { replacements: [id], type: QueryTypes.UPDATE, transaction },
    )) as unknown as [unknown, number];
    return affected > 0;
  }

  /** Emails that should be in the queue but may not be: received a while ago, or claimed by a worker that died. */
  async unfinished(receivedBefore: Date, limit = 200): Promise<number[]> {
    const rows = await this.sequelize.query<{ id: number }>(
      `SELECT id FROM inbound_emails
        WHERE (status = 'received' AND created_at < ?) OR (status = 'processing' AND claimed_at < ?)
        ORDER BY id LIMIT ${Number(limit)}`,
      { replacements: [receivedBefore, new Date(Date.now() - CLAIM_TIMEOUT_MS)], type: QueryTypes.SELECT },
    );
    return rows.map((r) => Number(r.id));
  }

  /** How many emails this sender sent us since `since` (for the per-sender rate limit). */
  async countFromSender(sender: string, since: Date): Promise<number> {
    const [row] = await this.sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM inbound_emails WHERE sender = ? AND created_at >= ? AND status IN ('processing', 'processed')`,
      { replacements: [sender, since], type: QueryTypes.SELECT },
    );
    return Number(row?.n ?? 0);
  }

  async page(statuses: readonly InboundStatus[], page: number, pageSize: number) {
    const where = statuses.length ? `WHERE status IN (${statuses.map(() => '?').join(', ')})` : '';
    const rows = await this.sequelize.query<InboundEmailRow>(
      `SELECT ${COLUMNS} FROM inbound_emails ${where} ORDER BY id DESC LIMIT ${Number(pageSize)} OFFSET ${(page - 1) * pageSize}`,
      { replacements: [...statuses], type: QueryTypes.SELECT },
    );
    const [count] = await this.sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM inbound_emails ${where}`, {
      replacements: [...statuses],
      type: QueryTypes.SELECT,
    });
    return { rows: rows.map(toRow), total: Number(count?.n ?? 0) };
  }

  /** The ticket and entry of an inbound email that a command already committed (found by its audit marker). */
  async committedBy(marker: string): Promise<{ ticketId: number; entryId: number | null } | null> {
    const [row] = await this.sequelize.query<{ subjectId: string; afterState: unknown }>(
      `SELECT subject_id AS subjectId, after_state AS afterState FROM audit_log
        WHERE user_agent = ? AND subject_type = 'Ticket' ORDER BY id DESC LIMIT 1`,
      { replacements: [marker], type: QueryTypes.SELECT },
    );
    if (!row) return null;
    const after = (typeof row.afterState === 'string' ? JSON.parse(row.afterState) : row.afterState) as { entryId?: number } | null;
    return { ticketId: Number(row.subjectId), entryId: after?.entryId ?? null };
  }
}
