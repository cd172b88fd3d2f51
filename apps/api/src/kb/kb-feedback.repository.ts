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

  /** The latest ratings of an article, with the reader's name when they were signed in. */
  async ratings(articleId: number, limit: number) {
    const rows = await this.sequelize.query<{ id: number; helpful: number; comment: string | null; userName: string | null; createdAt: Date }>(
      `SELECT r.id, r.helpful, r.comment, u.name AS userName, r.created_at AS createdAt
       FROM kb_article_ratings r LEFT JOIN users u ON u.id = r.user_id
       WHERE r.article_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
      { replacements: [articleId, limit], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({
      id: r.id,
      helpful: Boolean(Number(r.helpful)),
      comment: r.comment,
      readerName: r.userName,
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  }

  async deflect(articleId: number, query: string, userId: number | null, transaction: Transaction) {
    await insertRow(this.sequelize, 'kb_deflections', { articleId, query: query.slice(0, 500), userId }, transaction);
    await this.sequelize.query('UPDATE kb_articles SET deflection_count = deflection_count + 1 WHERE id = ?', {
      replacements: [articleId],
      transaction,
    });
  }

  /** One more miss of `query` on the day of `now` (UTC). */
  async logMiss(query: string, locale: string, now: Date) {
    await this.sequelize.query(
      `INSERT INTO kb_search_miss_days (day, query, locale, count, last_at) VALUES (?, ?, ?, 1, ?)
       ON DUPLICATE KEY UPDATE count = count + 1, last_at = GREATEST(last_at, ?)`,
      { replacements: [now.toISOString().slice(0, 10), query.slice(0, 190), locale, now, now] },
    );
  }

  /** Misses per normalised query and locale over the days from..to (inclusive, UTC dates), most frequent first. */
  async misses(period: { from: string; to: string }, limit = 100) {
    const rows = await this.sequelize.query<{ query: string; locale: string; total: number; days: number; lastAt: Date }>(
      `SELECT query, locale, SUM(count) AS total, COUNT(*) AS days, MAX(last_at) AS lastAt
       FROM kb_search_miss_days WHERE day BETWEEN ? AND ?
       GROUP BY query, locale ORDER BY total DESC, lastAt DESC, query, locale LIMIT ?`,
      { replacements: [period.from, period.to, limit], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ query: r.query, locale: r.locale, count: Number(r.total), days: Number(r.days), lastAt: new Date(r.lastAt).toISOString() }));
  }
}
