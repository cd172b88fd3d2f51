import type { Role } from '@switchboard/contracts';
import { BelongsTo, Column, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import { CompanyModel } from './company.model.js';

@Table({ tableName: 'users', underscored: true })
export class UserModel extends Model {
  @Column({ type: DataType.STRING(190), allowNull: false }) email!: string;
  @Column({ type: DataType.STRING(120), allowNull: false }) name!: string;
  @Column({ type: DataType.STRING(255), allowNull: true }) passwordHash!: string | null;
  @Column({ type: DataType.ENUM('customer', 'agent', 'manager', 'admin'), allowNull: false }) role!: Role;
  @ForeignKey(() => CompanyModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) companyId!: number | null;
  @BelongsTo(() => CompanyModel) company?: CompanyModel | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) lockedUntil!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) totpEnabledAt!: Date | null;
}
