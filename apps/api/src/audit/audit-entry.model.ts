import { Column, CreatedAt, DataType, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'audit_log', underscored: true, updatedAt: false })
export class AuditEntryModel extends Model {
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) actorId!: number | null;
  @Column({ type: DataType.STRING(64), allowNull: false }) action!: string;
  @Column({ type: DataType.STRING(40), allowNull: false }) subjectType!: string;
  @Column({ type: DataType.STRING(64), allowNull: false }) subjectId!: string;
  @Column({ type: DataType.JSON, allowNull: true }) beforeState!: unknown;
  @Column({ type: DataType.JSON, allowNull: true }) afterState!: unknown;
  @Column({ type: DataType.STRING(64), allowNull: true }) ip!: string | null;
  @Column({ type: DataType.STRING(255), allowNull: true }) userAgent!: string | null;
  @CreatedAt @Column({ type: DataType.DATE(3) }) declare createdAt: Date;
}
