import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';

/** Readers' traces: views, helpful/not helpful, deflections, searches that found nothing. */
@Injectable()
export class KbFeedbackRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async countView(articleId: number) {
    await this.sequelize.query('UPDATE kb_articles SET view_count = view_count + 1 WHERE id = ?', { replacements: [articleId] });
  }

  async rate(articleId: number, helpful: boolean, comment: string | null, userId: number | null, transaction: Transaction) {
    await insertRow(this.sequelize, 'kb_article_ratings', { articleId, helpful: helpful ? 1 : 0, comment, userId }, transaction);
    const column = helpful ? 'helpful_count' : 'unhelpful_count';
    await this.sequelize.query(`UPDATE kb_articles SET ${column} = ${column} + 1 WHERE id = ?`, { replacements: [articleId], transaction });
  }

  async deflect(articleId: number, query: string, userId: number | null, transaction: Transaction) {
    await insertRow(this.sequelize, 'kb_deflections', { articleId, query: query.slice(0, 500), userId }, transaction);
    await this.sequelize.query('UPDATE kb_articles SET deflection_count = deflection_count + 1 WHERE id = ?', {
      replacements: [articleId],
      transaction,
    });
  }

  async logMiss(query: string, locale: string, now = new Date()) {
    await this.sequelize.query(
      `INSERT INTO kb_search_misses (query, locale, count, created_at, last_at) VALUES (?, ?, 1, ?, ?)
       ON DUPLICATE KEY UPDATE count = count + 1, last_at = VALUES(last_at)`,
      { replacements: [query.slice(0, 190), locale, now, now] },
    );
  }

  async misses(limit = 100) {
    const rows = await this.sequelize.query<{ query: string; locale: string; count: number; lastAt: Date }>(
      'SELECT query, locale, count, last_at AS lastAt FROM kb_search_misses ORDER BY count DESC, last_at DESC LIMIT ?',
      { replacements: [limit], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ ...r, count: Number(r.count), lastAt: new Date(r.lastAt).toISOString() }));
  }
}
