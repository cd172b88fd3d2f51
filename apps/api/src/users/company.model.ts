import { Column, DataType, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'companies', underscored: true })
export class CompanyModel extends Model {
  @Column({ type: DataType.STRING(160), allowNull: false }) name!: string;
  @Column({ type: DataType.STRING(190), allowNull: true }) domain!: string | null;
}
