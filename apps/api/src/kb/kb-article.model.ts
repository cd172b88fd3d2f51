import { Column, DataType, Model, Table } from 'sequelize-typescript';

/**
 * The columns CASL rules may put conditions on (access/app-ability.ts KbArticleFields), so the
 * rules can be turned into SQL with the attribute -> column mapping. Reads and writes go through
 * the repositories' SQL; this model exists for that mapping.
 */
@Table({ tableName: 'kb_articles', underscored: true })
export class KbArticleModel extends Model {
  @Column({ type: DataType.STRING(16), allowNull: false }) declare state: string;
  @Column({ type: DataType.STRING(16), allowNull: false }) declare visibility: string;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: true }) declare companyId: number | null;
  @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) declare categoryId: number;
  @Column({ type: DataType.STRING(10), allowNull: false }) declare locale: string;
}
