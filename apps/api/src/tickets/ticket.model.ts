import type { Channel, Level, TicketStatus } from '@switchboard/contracts';
import { BelongsTo, Column, CreatedAt, DataType, ForeignKey, HasMany, Model, Table, UpdatedAt } from 'sequelize-typescript';
import { IssueTypeModel } from '../catalog/issue-type.model.js';
import { CategoryModel, TeamModel } from '../catalog/named.models.js';
import { CompanyModel } from '../users/company.model.js';
import { UserModel } from '../users/user.model.js';
import { TicketEntryModel } from './ticket-entry.model.js';

const LEVEL = DataType.ENUM('low', 'medium', 'high', 'critical');

@Table({ tableName: 'tickets', underscored: true })
export class TicketModel extends Model {
  @Column({ type: DataType.STRING(200), allowNull: false }) subject!: string;
  @Column({ type: DataType.TEXT, allowNull: false }) description!: string;
  @Column({
    type: DataType.ENUM('open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'),
    allowNull: false,
  })
  status!: TicketStatus;
  @Column({ type: LEVEL, allowNull: false }) urgency!: Level;
  @Column({ type: LEVEL, allowNull: false }) importance!: Level;
  @Column({ type: DataType.TINYINT.UNSIGNED, allowNull: false }) priority!: number;
  @Column({ type: DataType.ENUM('portal', 'email', 'sms', 'whatsapp', 'phone', 'chat', 'api'), allowNull: false })
  channel!: Channel;
  @ForeignKey(() => UserModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) requesterId!: number;
  @BelongsTo(() => UserModel, 'requesterId') requester?: UserModel;
  @ForeignKey(() => CompanyModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) companyId!: number | null;
  @ForeignKey(() => UserModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) assigneeId!: number | null;
  @BelongsTo(() => UserModel, 'assigneeId') assignee?: UserModel | null;
  @ForeignKey(() => IssueTypeModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) issueTypeId!: number | null;
  @BelongsTo(() => IssueTypeModel) issueType?: IssueTypeModel | null;
  @ForeignKey(() => CategoryModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) categoryId!: number | null;
  @BelongsTo(() => CategoryModel) category?: CategoryModel | null;
  @ForeignKey(() => TeamModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) teamId!: number | null;
  @BelongsTo(() => TeamModel) team?: TeamModel | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) resolvedAt!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) closedAt!: Date | null;
  @HasMany(() => TicketEntryModel) entries?: TicketEntryModel[];
  /** Optimistic lock: every update names the version it read and bumps it. */
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false, defaultValue: 1 }) version!: number;
  @CreatedAt @Column({ type: DataType.DATE(3) }) declare createdAt: Date;
  @UpdatedAt @Column({ type: DataType.DATE(3) }) declare updatedAt: Date;
}
