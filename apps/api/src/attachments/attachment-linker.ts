import { Injectable } from '@nestjs/common';
import type { Attachment } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { toAttachment } from './attachment.mapper.js';
import { AttachmentRepository, type LinkTarget } from './attachment.repository.js';
import { AttachmentErrors } from './attachments.errors.js';

/**
 * What the attachments module offers the tickets module: claim uploads for a new entry inside the
 * entry's transaction, and list the files of entries the caller may already see.
 */
@Injectable()
export class AttachmentLinker {
  constructor(private readonly attachments: AttachmentRepository) {}

  /** Throws a BAD_REQUEST naming `attachmentIds` (the caller's transaction then rolls back) unless every id is the actor's own, unclaimed upload. */
  async link(ids: readonly number[] | undefined, uploaderId: number, target: LinkTarget, transaction: Transaction): Promise<Attachment[]> {
    const unique = [...new Set(ids ?? [])];
    if (unique.length === 0) return [];
    const claimed = await this.attachments.claim(unique, uploaderId, target, transaction);
    if (claimed !== unique.length) throw AttachmentErrors.notLinkable();
    const rows = await this.attachments.forEntries([target.entryId], transaction);
    return rows.map(toAttachment);
  }

  /** Keeps the files' ticket in step when entries move to another ticket (merge, split). */
  followEntries(entryIds: readonly number[], ticketId: number, transaction: Transaction) {
    return this.attachments.moveEntries([...entryIds], ticketId, transaction);
  }

  /** entry id -> its files, in one query. Pass only entries the viewer may see: that is the visibility filter. */
  async forEntries(entryIds: readonly number[]): Promise<Map<number, Attachment[]>> {
    const rows = await this.attachments.forEntries([...entryIds]);
    const byEntry = new Map<number, Attachment[]>();
    for (const row of rows) {
      const entryId = Number(row.ticketEntryId);
      byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), toAttachment(row)]);
    }
    return byEntry;
  }
}
