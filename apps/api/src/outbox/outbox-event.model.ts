import { Column, DataType, Model, Table } from 'sequelize-typescript';

export type OutboxStatus = 'pending' | 'queued' | 'done' | 'failed';

@Table({ tableName: 'outbox_events', underscored: true, updatedAt: false })
export class OutboxEventModel extends Model {
  @Column({ type: DataType.STRING(80), allowNull: false }) topic!: string;
  @Column({ type: DataType.JSON, allowNull: false }) payload!: unknown;
  @Column({ type: DataType.ENUM('pending', 'queued', 'done', 'failed'), allowNull: false, defaultValue: 'pending' })
  status!: OutboxStatus;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false, defaultValue: 0 }) attempts!: number;
  @Column({ type: DataType.TEXT, allowNull: true }) lastError!: string | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) queuedAt!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) doneAt!: Date | null;
}
