import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { Visibility } from '@switchboard/contracts';
import { Op, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import { AttachmentModel } from './attachment.model.js';

export type NewAttachment = Pick<AttachmentModel, 'storageKey' | 'filename' | 'contentType' | 'size' | 'uploaderId'> &
  Partial<Pick<AttachmentModel, 'contentId'>>;
export type AttachmentRecord = Pick<AttachmentModel, 'id' | 'filename' | 'contentType' | 'size'> & Partial<Pick<AttachmentModel, 'contentId'>>;
export interface LinkTarget {
  ticketId: number;
  entryId: number;
  visibility: Visibility;
}

/** The only place outside migrations that touches the attachments table. */
@Injectable()
export class AttachmentRepository {
  constructor(
    @InjectModel(AttachmentModel) private readonly attachments: typeof AttachmentModel,
    private readonly sequelize: Sequelize,
  ) {}

  async insert(data: NewAttachment): Promise<NewAttachment & { id: number }> {
    const id = await insertRow(this.sequelize, 'attachments', { ...data, createdAt: new Date() });
    return { ...data, id };
  }

  findById(id: number) {
    return this.attachments.findByPk(id);
  }

  /**
   * Claims `ids` for one entry, only those `uploaderId` uploaded and nobody claimed yet.
   * Returns how many were claimed; the caller rolls back unless that is all of them.
   */
  async claim(ids: number[], uploaderId: number, target: LinkTarget, transaction: Transaction): Promise<number> {
    const [claimed] = await this.attachments.update(
      { ticketId: target.ticketId, ticketEntryId: target.entryId, visibility: target.visibility },
      { where: { id: { [Op.in]: ids }, uploaderId, ticketEntryId: null }, transaction },
    );
    return claimed;
  }

  /** Files follow their entries when a merge or split moves them to another ticket. */
  async moveEntries(entryIds: number[], ticketId: number, transaction: Transaction) {
    if (entryIds.length === 0) return;
    await this.attachments.update({ ticketId }, { where: { ticketEntryId: { [Op.in]: entryIds } }, transaction });
  }

  /** One query for a whole timeline: the attachments of these (already visibility-filtered) entries. */
  forEntries(entryIds: number[], transaction?: Transaction) {
    if (entryIds.length === 0) return Promise.resolve([] as AttachmentModel[]);
    return this.attachments.findAll({
      where: { ticketEntryId: { [Op.in]: entryIds } },
      order: [['id', 'ASC']],
      transaction,
    });
  }
}
