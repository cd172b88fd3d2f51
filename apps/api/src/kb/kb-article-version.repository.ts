import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { insertRow } from '../database/insert-row.js';
import type { ArticleContent, ArticleRow } from './kb-article-row.js';

export interface VersionRow {
  number: number;
  title: string;
  bodyMd: string;
  tags: string[];
  categoryId: number;
  visibility: ArticleRow['visibility'];
  companyId: number | null;
  authorId: number | null;
  authorName: string | null;
  note: string | null;
  createdAt: Date;
}

/** kb_article_versions: every save of an article, for its history, diffs and restores. */
@Injectable()
export class KbArticleVersionRepository {
  constructor(private readonly sequelize: Sequelize) {}

  async addVersion(articleId: number, content: ArticleContent, authorId: number, note: string | null, transaction: Transaction) {
    const [{ next }] = await this.sequelize.query<{ next: number }>(
      'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM kb_article_versions WHERE article_id = ?',
      { replacements: [articleId], type: QueryTypes.SELECT, transaction },
    );
    await insertRow(
      this.sequelize,
      'kb_article_versions',
      {
        articleId,
        number: Number(next),
        title: content.title,
        bodyMd: content.bodyMd,
        tags: JSON.stringify(content.tags),
        categoryId: content.categoryId,
        visibility: content.visibility,
        companyId: content.companyId,
        authorId,
        note,
      },
      transaction,
    );
    return Number(next);
  }

  async versions(articleId: number): Promise<VersionRow[]> {
    const rows = await this.sequelize.query<VersionRow & { tags: string }>(
      `SELECT v.number, v.title, v.body_md AS bodyMd, v.tags, v.category_id AS categoryId, v.visibility, v.company_id AS companyId,
              v.author_id AS authorId, u.name AS authorName, v.note, v.created_at AS createdAt
       FROM kb_article_versions v LEFT JOIN users u ON u.id = v.author_id WHERE v.article_id = ? ORDER BY v.number DESC`,
      { replacements: [articleId], type: QueryTypes.SELECT },
    );
    return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags as unknown as string), createdAt: new Date(r.createdAt) }));
  }

  async version(articleId: number, number: number): Promise<VersionRow | null> {
    return (await this.versions(articleId)).find((v) => v.number === number) ?? null;
  }
}
