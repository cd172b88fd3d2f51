import { Injectable } from '@nestjs/common';
import type { CallDetails } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

/** A phone call as a channel reports it: the details row of an entry of kind 'call'. */
export interface CallRecord extends Omit<CallDetails, 'recordingAttachmentId' | 'transcription'> {
  /** The provider's id of the call (unique: one entry per call). */
  sid: string;
  recordingAttachmentId?: number | null;
  transcription?: string | null;
}

interface Row {
  entry_id: number | string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  status: string;
  duration_seconds: number;
  recording_attachment_id: number | string | null;
  transcription: string | null;
}

/** ticket_entry_calls: the call behind each 'call' entry, read with the timeline; and ticket_entry_templates, the template a reply was sent as. */
@Injectable()
export class EntryCallsRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async add(entryId: number, call: CallRecord, transaction: Transaction) {
    await this.sequelize.query(
      `INSERT INTO ticket_entry_calls (entry_id, call_sid, direction, from_number, to_number, status, duration_seconds, recording_attachment_id, transcription)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      {
        replacements: [
          entryId,
          call.sid,
          call.direction,
          call.from.slice(0, 64),
          call.to.slice(0, 64),
          call.status.slice(0, 20),
          Math.max(0, Math.round(call.durationSeconds)),
          call.recordingAttachmentId ?? null,
          call.transcription ?? null,
        ],
        transaction,
      },
    );
  }

  /** A reply sent as a pre-approved template (entry-origin.ts): which one, with what values. */
  async addTemplate(entryId: number, template: { name: string; contentSid: string; variables: Record<string, string> }, transaction: Transaction) {
    await this.sequelize.query('INSERT INTO ticket_entry_templates (entry_id, name, content_sid, variables) VALUES (?, ?, ?, ?)', {
      replacements: [entryId, template.name, template.contentSid, JSON.stringify(template.variables)],
      transaction,
    });
  }

  /** The voicemail's recording or transcript arrived after the call's entry: filled in (only what is still empty). */
  async complete(sid: string, patch: { recordingAttachmentId?: number | null; transcription?: string | null }): Promise<number | null> {
    await this.sequelize.query(
      `UPDATE ticket_entry_calls SET recording_attachment_id = COALESCE(recording_attachment_id, ?), transcription = COALESCE(transcription, ?)
        WHERE call_sid = ?`,
      { replacements: [patch.recordingAttachmentId ?? null, patch.transcription ?? null, sid] },
    );
    const [row] = await this.sequelize.query<{ entry_id: number }>('SELECT entry_id FROM ticket_entry_calls WHERE call_sid = ?', {
      type: QueryTypes.SELECT,
      replacements: [sid],
    });
    return row ? Number(row.entry_id) : null;
  }

  async ofEntries(entryIds: readonly number[]): Promise<Map<number, CallDetails>> {
    const byEntry = new Map<number, CallDetails>();
    if (entryIds.length === 0) return byEntry;
    const rows = await this.sequelize.query<Row>(
      `SELECT entry_id, direction, from_number, to_number, status, duration_seconds, recording_attachment_id, transcription
         FROM ticket_entry_calls WHERE entry_id IN (:ids)`,
      { replacements: { ids: [...entryIds] }, type: QueryTypes.SELECT },
    );
    for (const row of rows) {
      byEntry.set(Number(row.entry_id), {
        direction: row.direction,
        from: row.from_number,
        to: row.to_number,
        status: row.status,
        durationSeconds: Number(row.duration_seconds),
        recordingAttachmentId: row.recording_attachment_id == null ? null : Number(row.recording_attachment_id),
        transcription: row.transcription,
      });
    }
    return byEntry;
  }
}
