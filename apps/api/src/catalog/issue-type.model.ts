import type { TicketStatus } from '@switchboard/contracts';
import { Column, DataType, HasMany, Model, Table } from 'sequelize-typescript';
import { CustomFieldModel } from './custom-field.model.js';

@Table({ tableName: 'issue_types', underscored: true })
export class IssueTypeModel extends Model {
  @Column({ type: DataType.STRING(80), allowNull: false }) name!: string;
  @Column({ type: DataType.STRING(500), allowNull: false, defaultValue: '' }) description!: string;
  @Column({ type: DataType.BOOLEAN, allowNull: false, defaultValue: true }) active!: boolean;
  /** Allowed next statuses per status; null means the default workflow. MariaDB returns JSON as text. */
  @Column({
    type: DataType.JSON,
    allowNull: true,
    get(this: IssueTypeModel) {
      const raw = this.getDataValue('transitions') as unknown;
      return typeof raw === 'string' ? JSON.parse(raw) : (raw ?? null);
    },
  })
  transitions!: Partial<Record<TicketStatus, TicketStatus[]>> | null;
  @HasMany(() => CustomFieldModel) fields?: CustomFieldModel[];
}
