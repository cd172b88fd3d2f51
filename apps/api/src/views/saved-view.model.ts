import { BelongsTo, Column, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import { UserModel } from '../users/user.model.js';

@Table({ tableName: 'saved_views', underscored: true })
export class SavedViewModel extends Model {
  @ForeignKey(() => UserModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) ownerId!: number;
  @BelongsTo(() => UserModel) owner?: UserModel;
  @Column({ type: DataType.STRING(80), allowNull: false }) name!: string;
  @Column({
    type: DataType.JSON,
    allowNull: false,
    get(this: SavedViewModel) {
      const raw = this.getDataValue('filters') as unknown;
      return typeof raw === 'string' ? JSON.parse(raw) : raw;
    },
  })
  filters!: Record<string, unknown>;
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false }) shared!: boolean;
}
