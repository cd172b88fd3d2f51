import { Injectable } from '@nestjs/common';
import type { KbCategory } from '@switchboard/contracts';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';

const COLUMNS = 'id, parent_id AS parentId, name, slug, description, position, publish_role AS publishRole';

/** The only place that touches kb_categories. The tree is small: read whole, walked in memory. */
@Injectable()
export class KbCategoryRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** `lock`: FOR UPDATE, so two reorders of the same level run one after the other. */
  all(transaction?: Transaction, lock = false): Promise<KbCategory[]> {
    return this.sequelize.query<KbCategory>(`SELECT ${COLUMNS} FROM kb_categories ORDER BY position, name${lock ? ' FOR UPDATE' : ''}`, {
      type: QueryTypes.SELECT,
      transaction,
    });
  }

  async byId(id: number, transaction?: Transaction): Promise<KbCategory | null> {
    const rows = await this.sequelize.query<KbCategory>(`SELECT ${COLUMNS} FROM kb_categories WHERE id = ?`, {
      replacements: [id],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows[0] ?? null;
  }

  async bySlug(slug: string): Promise<KbCategory | null> {
    const rows = await this.sequelize.query<KbCategory>(`SELECT ${COLUMNS} FROM kb_categories WHERE slug = ?`, {
      replacements: [slug],
      type: QueryTypes.SELECT,
    });
    return rows[0] ?? null;
  }

  async slugTaken(slug: string, exceptId: number | null, transaction: Transaction) {
    const rows = await this.sequelize.query('SELECT id FROM kb_categories WHERE slug = ? AND id <> ?', {
      replacements: [slug, exceptId ?? 0],
      type: QueryTypes.SELECT,
      transaction,
    });
    return rows.length > 0;
  }

  insert(c: Omit<KbCategory, 'id'>, transaction: Transaction) {
    return insertRow(this.sequelize, 'kb_categories', { ...c }, transaction);
  }

  async setPosition(id: number, position: number, transaction: Transaction) {
    await this.sequelize.query('UPDATE kb_categories SET position = ?, updated_at = ? WHERE id = ?', {
      replacements: [position, new Date(), id],
      transaction,
    });
  }

  async update(c: KbCategory, transaction: Transaction) {
    await this.sequelize.query(
      'UPDATE kb_categories SET parent_id = ?, name = ?, slug = ?, description = ?, position = ?, publish_role = ?, updated_at = ? WHERE id = ?',
      { replacements: [c.parentId, c.name, c.slug, c.description, c.position, c.publishRole, new Date(), c.id], transaction },
    );
  }
}

/** The category and its ancestors, root first. */
export function trail(categories: KbCategory[], id: number): KbCategory[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const out: KbCategory[] = [];
  for (let c = byId.get(id); c && out.length < 20; c = c.parentId ? byId.get(c.parentId) : undefined) out.unshift(c);
  return out;
}

/** The category's id and the ids of every category below it. */
export function descendantIds(categories: KbCategory[], id: number): number[] {
  const ids = [id];
  for (let i = 0; i < ids.length; i++) for (const c of categories) if (c.parentId === ids[i] && !ids.includes(c.id)) ids.push(c.id);
  return ids;
}
