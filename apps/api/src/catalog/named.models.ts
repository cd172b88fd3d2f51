import { Column, DataType, Model, Table } from 'sequelize-typescript';

@Table({ tableName: 'categories', underscored: true })
export class CategoryModel extends Model {
  @Column({ type: DataType.STRING(80), allowNull: false }) name!: string;
}

@Table({ tableName: 'teams', underscored: true })
export class TeamModel extends Model {
  @Column({ type: DataType.STRING(80), allowNull: false }) name!: string;
}

@Table({ tableName: 'tags', underscored: true, updatedAt: false })
export class TagModel extends Model {
  @Column({ type: DataType.STRING(40), allowNull: false }) name!: string;
}
