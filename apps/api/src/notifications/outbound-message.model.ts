import { Column, DataType, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'outbound_messages', underscored: true, updatedAt: false })
export class OutboundMessageModel extends Model {
  @Column({ type: DataType.BIGINT.UNSIGNED, allowNull: true }) outboxEventId!: number | null;
  @Column({ type: DataType.STRING(20), allowNull: false }) channel!: string;
  @Column({ type: DataType.STRING(190), allowNull: false }) recipient!: string;
  @Column({ type: DataType.STRING(255), allowNull: true }) subject!: string | null;
  @Column({ type: DataType.TEXT('medium'), allowNull: false }) body!: string;
  /** local (no SendGrid), sending, sent, failed (its job gave up), bounced, suppressed, rate_limited. */
  @Column({ type: DataType.STRING(20), allowNull: false }) status!: string;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) ticketId!: number | null;
  /** The reply entry this message carries (the timeline shows its delivery under it). */
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) ticketEntryId!: number | null;
  /** SENSITIVE is a reserved word in MySQL, hence the column name. */
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false, field: 'holds_secret' }) sensitive!: boolean;
  /** Our Message-ID of the email (no brackets); bounces and replies find it by this. */
  @Column({ type: DataType.STRING(255), allowNull: true }) messageId!: string | null;
  /** SendGrid's X-Message-Id for it: what its Event Webhook reports on. */
  @Column({ type: DataType.STRING(100), allowNull: true }) providerId!: string | null;
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: true }) automatic!: boolean;
  /** The latest SendGrid Event Webhook status (channels/email/events). */
  @Column({ type: DataType.STRING(20), allowNull: true }) deliveryStatus!: string | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) deliveryAt!: Date | null;
  @Column({ type: DataType.TEXT, allowNull: true }) error!: string | null;
}
