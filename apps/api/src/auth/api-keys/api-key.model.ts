import { BelongsTo, Column, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import { UserModel } from '../../users/user.model.js';

@Table({ tableName: 'api_keys', underscored: true, updatedAt: false })
export class ApiKeyModel extends Model {
  @ForeignKey(() => UserModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) userId!: number;
  @BelongsTo(() => UserModel) user?: UserModel;
  @Column({ type: DataType.STRING(80), allowNull: false }) name!: string;
  @Column({ type: DataType.STRING(16), allowNull: false }) prefix!: string;
  @Column({ type: DataType.CHAR(64), allowNull: false }) keyHash!: string;
  @Column({ type: DataType.ENUM('read', 'write'), allowNull: false }) scope!: 'read' | 'write';
  @Column({ type: DataType.DATE(3), allowNull: true }) lastUsedAt!: Date | null;
  @Column({ type: DataType.STRING(64), allowNull: true }) lastUsedIp!: string | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) expiresAt!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) revokedAt!: Date | null;
}
