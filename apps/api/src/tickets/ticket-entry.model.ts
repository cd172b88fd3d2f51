import type { Channel, EntryKind, Visibility } from '@switchboard/contracts';
import { BelongsTo, Column, CreatedAt, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import { UserModel } from '../users/user.model.js';
import { TicketModel } from './ticket.model.js';

@Table({ tableName: 'ticket_entries', underscored: true, updatedAt: false })
export class TicketEntryModel extends Model {
  @ForeignKey(() => TicketModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) ticketId!: number;
  @Column({ type: DataType.ENUM('message', 'reply', 'note', 'event', 'call'), allowNull: false }) kind!: EntryKind;
  @Column({ type: DataType.ENUM('public', 'internal'), allowNull: false }) visibility!: Visibility;
  @ForeignKey(() => UserModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) authorId!: number | null;
  @BelongsTo(() => UserModel, 'authorId') author?: UserModel | null;
  @Column({ type: DataType.ENUM('portal', 'email', 'sms', 'whatsapp', 'phone', 'chat', 'api'), allowNull: false })
  channel!: Channel;
  @Column({ type: DataType.TEXT('medium'), allowNull: false }) body!: string;
  /** Sanitized HTML; NULL on rows written before bodies had HTML (shown as their escaped text). */
  @Column({ type: DataType.TEXT('medium'), allowNull: true }) bodyHtml!: string | null;
  @Column({ type: DataType.STRING(40), allowNull: true }) eventField!: string | null;
  @Column({ type: DataType.STRING(190), allowNull: true }) eventFrom!: string | null;
  @Column({ type: DataType.STRING(190), allowNull: true }) eventTo!: string | null;
  @CreatedAt @Column({ type: DataType.DATE(3) }) declare createdAt: Date;
}
