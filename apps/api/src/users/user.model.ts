import type { Availability, Role, UserStatus } from '@switchboard/contracts';
import { BelongsTo, Column, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import { CompanyModel } from './company.model.js';

@Table({ tableName: 'users', underscored: true })
export class UserModel extends Model {
  @Column({ type: DataType.STRING(190), allowNull: false }) email!: string;
  @Column({ type: DataType.STRING(120), allowNull: false }) name!: string;
  @Column({ type: DataType.STRING(255), allowNull: true }) passwordHash!: string | null;
  @Column({ type: DataType.ENUM('customer', 'agent', 'manager', 'admin'), allowNull: false }) role!: Role;
  @Column({ type: DataType.ENUM('active', 'suspended', 'pending'), allowNull: false, defaultValue: 'active' }) status!: UserStatus;
  @Column({ type: DataType.ENUM('online', 'away', 'offline'), allowNull: false, defaultValue: 'offline' }) availability!: Availability;
  @Column({ type: DataType.SMALLINT.UNSIGNED, allowNull: false, defaultValue: 10 }) capacity!: number;
  @Column({ type: DataType.STRING(64), allowNull: false, defaultValue: 'UTC' }) timezone!: string;
  /** JSON text of the weekly hours (see zWorkingHours); VARCHAR so MySQL and MariaDB return the same. */
  @Column({ type: DataType.STRING(500), allowNull: true }) workingHours!: string | null;
  @Column({ type: DataType.STRING(16), allowNull: true }) language!: string | null;
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false }) companyAdmin!: boolean;
  @ForeignKey(() => CompanyModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) companyId!: number | null;
  @BelongsTo(() => CompanyModel) company?: CompanyModel | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) lockedUntil!: Date | null;
  @Column({ type: DataType.DATE(3), allowNull: true }) totpEnabledAt!: Date | null;
}
