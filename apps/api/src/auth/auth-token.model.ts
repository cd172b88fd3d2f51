import { BelongsTo, Column, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import { UserModel } from '../users/user.model.js';

@Table({ tableName: 'auth_tokens', underscored: true, updatedAt: false })
export class AuthTokenModel extends Model {
  @ForeignKey(() => UserModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) userId!: number;
  @BelongsTo(() => UserModel) user?: UserModel;
  @Column({ type: DataType.CHAR(64), allowNull: false }) tokenHash!: string;
  @Column({ type: DataType.DATE(3), allowNull: false }) expiresAt!: Date;
  @Column({ type: DataType.DATE(3), allowNull: true }) revokedAt!: Date | null;
  @Column({ type: DataType.STRING(64), allowNull: true }) ip!: string | null;
  @Column({ type: DataType.STRING(255), allowNull: true }) userAgent!: string | null;
  /** The session passed a second factor (an authenticator or recovery code, or single sign-on). */
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false }) secondFactor!: boolean;
}
