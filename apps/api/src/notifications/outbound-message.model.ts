import { Column, DataType, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'outbound_messages', underscored: true, updatedAt: false })
export class OutboundMessageModel extends Model {
  @Column({ type: DataType.BIGINT.UNSIGNED, allowNull: true }) outboxEventId!: number | null;
  @Column({ type: DataType.STRING(20), allowNull: false }) channel!: string;
  @Column({ type: DataType.STRING(190), allowNull: false }) recipient!: string;
  @Column({ type: DataType.STRING(255), allowNull: true }) subject!: string | null;
  @Column({ type: DataType.TEXT('medium'), allowNull: false }) body!: string;
  /**
   * Our side (decision 029): local (no provider configured), sending, sent, failed (its job gave up),
   * suppressed, rate_limited, blocked (opted out); for email also bounced / dropped once it came back.
   */
  @Column({ type: DataType.STRING(20), allowNull: false }) status!: string;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) ticketId!: number | null;
  /** The reply entry this message carries (the timeline shows its delivery under it). */
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) ticketEntryId!: number | null;
  /** SENSITIVE is a reserved word in MySQL, hence the column name. */
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false, field: 'holds_secret' }) sensitive!: boolean;
  /** Our Message-ID of the email (no brackets); bounces and replies find it by this. */
  @Column({ type: DataType.STRING(255), allowNull: true }) messageId!: string | null;
  /** The provider's id of the message, per channel: SendGrid's X-Message-Id (email), Twilio's sid (sms, whatsapp, phone). */
  @Column({ type: DataType.STRING(100), allowNull: true }) providerMessageId!: string | null;
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: true }) automatic!: boolean;
  /** The provider's side: the latest state its callbacks reported (SendGrid Event Webhook, Twilio status callback). */
  @Column({ type: DataType.STRING(20), allowNull: true }) deliveryStatus!: string | null;
  /** When deliveryStatus last moved. */
  @Column({ type: DataType.DATE(3), allowNull: true }) deliveryUpdatedAt!: Date | null;
  /** Why we did not send it, or why the last attempt failed. */
  @Column({ type: DataType.TEXT, allowNull: true }) error!: string | null;
  /** Why the provider or the recipient's side failed it (a Twilio error code, a bounce or drop reason, a DSN's diagnostic). */
  @Column({ type: DataType.TEXT, allowNull: true }) deliveryError!: string | null;
}
