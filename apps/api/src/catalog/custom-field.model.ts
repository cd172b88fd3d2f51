import type { CustomFieldKind } from '@switchboard/contracts';
import { BelongsTo, Column, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import { IssueTypeModel } from './issue-type.model.js';

@Table({ tableName: 'custom_fields', underscored: true })
export class CustomFieldModel extends Model {
  @ForeignKey(() => IssueTypeModel) @Column({ type: DataType.INTEGER.UNSIGNED, allowNull: false }) issueTypeId!: number;
  @BelongsTo(() => IssueTypeModel) issueType?: IssueTypeModel;
  @Column({ type: DataType.STRING(60), allowNull: false, field: 'field_key' }) key!: string;
  @Column({ type: DataType.STRING(120), allowNull: false }) label!: string;
  @Column({
    type: DataType.ENUM('text', 'long_text', 'number', 'date', 'single_select', 'multi_select', 'checkbox'),
    allowNull: false,
  })
  kind!: CustomFieldKind;
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false }) required!: boolean;
  @Column({
    type: DataType.JSON,
    allowNull: true,
    get(this: CustomFieldModel) {
      const raw = this.getDataValue('options') as unknown;
      return (typeof raw === 'string' ? JSON.parse(raw) : raw) ?? [];
    },
  })
  options!: string[];
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: true }) customerVisible!: boolean;
  @Column({ type: DataType.INTEGER, allowNull: false, defaultValue: 0 }) position!: number;
  /** A field removed from its type: hidden, its values kept. */
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: false }) retired!: boolean;
}
