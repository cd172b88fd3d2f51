import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Actor } from '../common/actor.js';
import { htmlToPlainText, renderMarkdown } from './content/markdown.js';
import { slugify } from './content/slug.js';
import { normaliseTags, tagsOf, type ArticleContent, type ArticleRow } from './kb-article-row.js';
import { KbArticleVersionRepository } from './kb-article-version.repository.js';
import { KbArticleRepository } from './kb-article.repository.js';
import { KbTermsRepository } from './search/kb-terms.repository.js';
import { KbCategoryRepository } from './kb-category.repository.js';
import { KbErrors } from './kb.errors.js';

export interface ContentInput {
  categoryId: number;
  title: string;
  bodyMd: string;
  tags: string[];
  visibility: ArticleRow['visibility'];
  companyId?: number | null;
  slug?: string;
}

/**
 * What every save shares (create, edit, restore, draft from a ticket): the Markdown rendered and
 * sanitized, the slug, the checks on category and company, the version row, the vocabulary for
 * "did you mean", and the audit row, all in the caller's transaction.
 */
@Injectable()
export class ArticleWriter {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly versions: KbArticleVersionRepository,
    private readonly terms: KbTermsRepository,
    private readonly categories: KbCategoryRepository,
    private readonly audit: AuditRepository,
  ) {}

  async content(input: ContentInput, currentId: number | null, transaction: Transaction): Promise<ArticleContent> {
    const category = await this.categories.byId(input.categoryId, transaction);
    if (!category) throw KbErrors.categoryNotFound(input.categoryId);
    const companyId = input.visibility === 'company' ? (input.companyId ?? null) : null;
    if (input.visibility === 'company') {
      if (!companyId) throw KbErrors.companyRequired();
      const found = await this.sequelize.query('SELECT id FROM companies WHERE id = ?', {
        replacements: [companyId],
        type: QueryTypes.SELECT,
        transaction,
      });
      if (found.length === 0) throw KbErrors.companyNotFound(companyId);
    }
    let slug: string;
    if (input.slug) {
      slug = input.slug;
      if ((await this.articles.freeSlug(slug, currentId, transaction)) !== slug) throw KbErrors.slugTaken(slug);
    } else {
      slug = await this.articles.freeSlug(slugify(input.title), currentId, transaction);
    }
    const bodyHtml = renderMarkdown(input.bodyMd);
    return {
      categoryId: category.id,
      title: input.title.trim(),
      slug,
      bodyMd: input.bodyMd,
      bodyHtml,
      bodyText: htmlToPlainText(bodyHtml),
      tags: normaliseTags(input.tags),
      visibility: input.visibility,
      companyId,
    };
  }

  /** After the row is written: the version, the vocabulary and the audit entry. */
  async saved(
    actor: Actor,
    articleId: number,
    content: ArticleContent,
    before: ArticleRow | null,
    action: string,
    note: string | null,
    transaction: Transaction,
  ) {
    const number = await this.versions.addVersion(articleId, content, actor.user.id, note, transaction);
    await this.terms.rememberTerms(`${content.title} ${content.tags.join(' ')} ${content.bodyText}`, transaction);
    await this.audit.record(
      actor,
      {
        action,
        subjectType: 'KbArticle',
        subjectId: articleId,
        before: before ? { title: before.title, tags: tagsOf(before), visibility: before.visibility, categoryId: before.categoryId } : null,
        after: { title: content.title, tags: content.tags, visibility: content.visibility, categoryId: content.categoryId, version: number },
      },
      transaction,
    );
    return number;
  }

  /** Row-level write check: the article must be readable and updatable by the actor. */
  assertCanUpdate(actor: Actor, row: ArticleRow | null, ref: number | string): asserts row is ArticleRow {
    const s = row ? subject('KbArticle', { state: row.state, visibility: row.visibility, companyId: row.companyId }) : null;
    if (!row || !s || actor.ability.cannot('read', s)) throw KbErrors.articleNotFound(ref);
    if (actor.ability.cannot('update', s)) throw KbErrors.articleNotFound(ref);
  }

  /**
   * Editing a live (published or scheduled) article changes what readers see, so it needs the
   * `publish` ability in its category, and in the category it moves to: otherwise an agent could
   * change a managers-only article without a manager.
   */
  async assertCanChangeLive(actor: Actor, row: ArticleRow, targetCategoryId: number, transaction: Transaction) {
    if (row.state !== 'published' && row.state !== 'scheduled') return;
    for (const id of new Set([row.categoryId, targetCategoryId])) {
      const category = await this.categories.byId(id, transaction);
      if (category && actor.ability.cannot('publish', subject('KbCategory', { publishRole: category.publishRole }))) {
        throw KbErrors.publishForbidden(category.name);
      }
    }
  }

  async lastEditor(id: number, transaction: Transaction) {
    const change = await this.audit.latestChange('KbArticle', id, transaction);
    return change?.actorName ?? null;
  }
}
