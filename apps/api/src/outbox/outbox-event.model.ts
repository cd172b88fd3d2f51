import { Column, DataType, Model, Table } from 'sequelize-typescript';

/** `failed`: the job gave up after its last attempt (admins are alerted); `dismissed`: an admin set it aside (failed-work/). */
export type OutboxStatus = 'pending' | 'queued' | 'done' | 'failed' | 'dismissed';

@Table({ tableName: 'outbox_events', underscored: true, updatedAt: false })
export class OutboxEventModel extends Model {
  @Column({ type: DataType.STRING(80), allowNull: false }) topic!: string;
  @Column({ type: DataType.JSON, allowNull: false }) payload!: unknown;
  @Column({ type: DataType.ENUM('pending', 'queued', 'done', 'failed', 'dismissed'), allowNull: false, defaultValue: 'pending' })
  status!: OutboxStatus;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 }) attempts!: number;
  @Column({ type: DataType.TEXT, allowNull: true }) lastError!: string | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) queuedAt!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) doneAt!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) failedAt!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) dismissedAt!: Date | null;
}
