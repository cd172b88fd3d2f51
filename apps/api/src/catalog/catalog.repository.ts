import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { SaveIssueTypeInput } from '@switchboard/contracts';
import { Op, QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { UserModel } from '../users/user.model.js';
import { CustomFieldModel } from './custom-field.model.js';
import { IssueTypeModel } from './issue-type.model.js';
import { CategoryModel, TagModel, TeamModel } from './named.models.js';

type FieldInput = Required<NonNullable<SaveIssueTypeInput['fields']>[number]>;

/** Issue types, custom fields, categories, teams and tags: the reference data tickets point at. */
@Injectable()
export class CatalogRepository {
  constructor(
    private readonly sequelize: Sequelize,
    @InjectModel(IssueTypeModel) private readonly types: typeof IssueTypeModel,
    @InjectModel(CustomFieldModel) private readonly fields: typeof CustomFieldModel,
    @InjectModel(CategoryModel) private readonly categories: typeof CategoryModel,
    @InjectModel(TeamModel) private readonly teams: typeof TeamModel,
    @InjectModel(TagModel) private readonly tags: typeof TagModel,
    @InjectModel(UserModel) private readonly users: typeof UserModel,
  ) {}

  issueTypes(options: { activeOnly?: boolean; transaction?: Transaction } = {}) {
    return this.types.findAll({
      where: options.activeOnly ? { active: true } : {},
      include: [CustomFieldModel],
      order: [['name', 'ASC']],
      transaction: options.transaction,
    });
  }

  issueType(id: number, transaction?: Transaction) {
    return this.types.findByPk(id, { include: [CustomFieldModel], transaction });
  }

  issueTypesByIds(ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.types.findAll({ where: { id: { [Op.in]: ids } }, include: [CustomFieldModel] });
  }

  issueTypeByName(name: string, transaction?: Transaction) {
    return this.types.findOne({ where: { name }, transaction });
  }

  /** Creates or updates a type and reconciles its fields by key: new keys added, missing ones retired. */
  async saveIssueType(
    input: { id?: number; name: string; description: string; active: boolean; transitions: IssueTypeModel['transitions'] },
    fields: FieldInput[],
    transaction: Transaction,
  ): Promise<number> {
    const values = { name: input.name, description: input.description, active: input.active, transitions: input.transitions };
    let id = input.id;
    if (id) await this.types.update(values, { where: { id }, transaction });
    else id = (await this.types.create(values, { transaction })).id;
    const existing = await this.fields.findAll({ where: { issueTypeId: id }, transaction });
    const byKey = new Map(existing.map((f) => [f.key, f]));
    for (const [position, f] of fields.entries()) {
      const row = { label: f.label, kind: f.kind, required: f.required, options: f.options, customerVisible: f.customerVisible, position, retired: false };
      const current = byKey.get(f.key);
      if (current) await current.update(row, { transaction });
      else await this.fields.create({ ...row, issueTypeId: id, key: f.key }, { transaction });
    }
    const kept = new Set(fields.map((f) => f.key));
    const retire = existing.filter((f) => !kept.has(f.key)).map((f) => f.id);
    if (retire.length) await this.fields.update({ retired: true }, { where: { id: { [Op.in]: retire } }, transaction });
    return id!;
  }

  fieldsByKey(keys: string[]) {
    return this.fields.findAll({ where: { key: { [Op.in]: keys }, retired: false } });
  }

  categoryList() {
    return this.categories.findAll({ order: [['name', 'ASC']] });
  }
  teamList() {
    return this.teams.findAll({ order: [['name', 'ASC']] });
  }
  category(id: number, transaction?: Transaction) {
    return this.categories.findByPk(id, { transaction });
  }
  team(id: number, transaction?: Transaction) {
    return this.teams.findByPk(id, { transaction });
  }

  async saveNamed(kind: 'category' | 'team', input: { id?: number; name: string }, transaction: Transaction) {
    const model = kind === 'category' ? this.categories : this.teams;
    if (input.id) {
      await (model as typeof CategoryModel).update({ name: input.name }, { where: { id: input.id }, transaction });
      return input.id;
    }
    return (await (model as typeof CategoryModel).create({ name: input.name }, { transaction })).id;
  }

  namedExists(kind: 'category' | 'team', id: number) {
    return (kind === 'category' ? this.categories : this.teams).count({ where: { id } }).then((n) => n > 0);
  }

  /** Tags in use, most used first. */
  async tagNames(limit = 200): Promise<string[]> {
    const rows = await this.sequelize.query<{ name: string }>(
      `SELECT t.name FROM tags t LEFT JOIN ticket_tags tt ON tt.tag_id = t.id GROUP BY t.id, t.name ORDER BY COUNT(tt.ticket_id) DESC, t.name LIMIT ?`,
      { replacements: [limit], type: QueryTypes.SELECT },
    );
    return rows.map((r) => r.name);
  }

  staff() {
    return this.users.findAll({
      where: { role: { [Op.in]: ['agent', 'manager', 'admin'] } },
      attributes: ['id', 'name'],
      order: [['name', 'ASC']],
    });
  }

  staffMember(id: number, transaction?: Transaction) {
    return this.users.findOne({ where: { id, role: { [Op.in]: ['agent', 'manager', 'admin'] } }, attributes: ['id', 'name', 'email', 'role'], transaction });
  }
}
