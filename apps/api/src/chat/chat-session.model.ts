import { Column, DataType, Model, Table } from 'sequelize-typescript';
import type { ChatEndReason, ChatState } from '@switchboard/contracts';

/** One live chat: the session state next to its ticket (the conversation itself is the ticket's timeline). */
@Table({ tableName: 'chat_sessions', underscored: true })
export class ChatSessionModel extends Model {
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) declare companyId: number;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) declare ticketId: number;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) declare visitorId: number;
  @Column({ type: DataType.CHAR(64), allowNull: false }) declare tokenHash: string;
  @Column({ type: DataType.BOOLEAN, allowNull: false }) declare identified: boolean;
  @Column({ type: DataType.ENUM('waiting', 'active', 'ended'), allowNull: false }) declare state: ChatState;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) declare agentId: number | null;
  @Column({ type: DataType.STRING(120), allowNull: true }) declare visitorName: string | null;
  @Column({ type: DataType.STRING(190), allowNull: true }) declare visitorEmail: string | null;
  @Column({ type: DataType.STRING(1000), allowNull: true }) declare pageUrl: string | null;
  @Column({ type: DataType.STRING(64), allowNull: true }) declare startClientId: string | null;
  @Column({ type: DataType.DATE(3), allowNull: false }) declare lastVisitorAt: Date;
  @Column({ type: DataType.DATE(3), allowNull: true }) declare acceptedAt: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) declare endedAt: Date | null;
  @Column({ type: DataType.ENUM('agent', 'visitor', 'abandoned', 'no_agent'), allowNull: true }) declare endReason: ChatEndReason | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) declare followUpAt: Date | null;
  declare createdAt: Date;
  declare updatedAt: Date;
}
