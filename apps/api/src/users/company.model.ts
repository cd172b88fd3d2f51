import { Column, DataType, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'companies', underscored: true })
export class CompanyModel extends Model {
  @Column({ type: DataType.STRING(160), allowNull: false }) name!: string;
  @Column({ type: DataType.STRING(190), allowNull: true }) domain!: string | null;
  @Column({ type: DataType.ENUM('own', 'company'), allowNull: false, defaultValue: 'own' }) ticketVisibility!: 'own' | 'company';
  @Column({ type: DataType.STRING(160), allowNull: true }) brandName!: string | null;
  @Column({ type: DataType.CHAR(7), allowNull: true }) brandPrimaryColor!: string | null;
  @Column({ type: DataType.CHAR(7), allowNull: true }) brandAccentColor!: string | null;
  @Column({ type: DataType.STRING(500), allowNull: true }) voiceGreeting!: string | null;
  @Column({ type: DataType.STRING(500), allowNull: true }) brandLogoUrl!: string | null;
}
