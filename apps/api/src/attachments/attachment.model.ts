import type { Visibility } from '@switchboard/contracts';
import { Column, CreatedAt, DataType, Model, Table } from 'sequelize-typescript';

/**
 * An uploaded file. `ticketId`, `ticketEntryId` and `visibility` stay NULL until a ticket, reply or
 * note claims it; they copy the entry's, so access checks need no join into the tickets module.
 */
@Table({ tableName: 'attachments', underscored: true, updatedAt: false })
export class AttachmentModel extends Model {
  @Column({ type: DataType.CHAR(64), allowNull: false }) storageKey!: string;
  @Column({ type: DataType.STRING(190), allowNull: false }) filename!: string;
  @Column({ type: DataType.STRING(127), allowNull: false }) contentType!: string;
  @Column({ type: DataType.BIGINT.UNSIGNED, allowNull: false }) size!: number;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) uploaderId!: number | null;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) ticketId!: number | null;
  @Column({ type: DataType.BIGINT.UNSIGNED, allowNull: true }) ticketEntryId!: number | null;
  @Column({ type: DataType.ENUM('public', 'internal'), allowNull: true }) visibility!: Visibility | null;
  /** Content-ID (without brackets) of an email's inline image, which its HTML references as cid:<id>. */
  @Column({ type: DataType.STRING(190), allowNull: true }) contentId!: string | null;
  @CreatedAt @Column({ type: DataType.DATE(3) }) declare createdAt: Date;
}
