import { Column, DataType, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'outbound_messages', underscored: true, updatedAt: false })
export class OutboundMessageModel extends Model {
  @Column({ type: DataType.BIGINT.UNSIGNED, allowNull: true }) outboxEventId!: number | null;
  @Column({ type: DataType.STRING(20), allowNull: false }) channel!: string;
  @Column({ type: DataType.STRING(190), allowNull: false }) recipient!: string;
  @Column({ type: DataType.STRING(255), allowNull: true }) subject!: string | null;
  @Column({ type: DataType.TEXT('medium'), allowNull: false }) body!: string;
  @Column({ type: DataType.STRING(20), allowNull: false }) status!: string;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) ticketId!: number | null;
  /** SENSITIVE is a reserved word in MySQL, hence the column name. */
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false, field: 'holds_secret' }) sensitive!: boolean;
}
