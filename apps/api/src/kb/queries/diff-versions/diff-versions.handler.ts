import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { KbDiff } from '@switchboard/contracts';
import { ArticleWriter } from '../../article-writer.js';
import { diffVersions } from '../../content/diff.js';
import { KbArticleVersionRepository } from '../../kb-article-version.repository.js';
import { KbArticleRepository } from '../../kb-article.repository.js';
import { KbErrors } from '../../kb.errors.js';
import { DiffVersionsQuery } from './diff-versions.query.js';

@QueryHandler(DiffVersionsQuery)
export class DiffVersionsHandler implements IQueryHandler<DiffVersionsQuery, KbDiff> {
  constructor(
    private readonly articles: KbArticleRepository,
    private readonly versions: KbArticleVersionRepository,
    private readonly writer: ArticleWriter,
  ) {}

  async execute({ actor, id, from, to }: DiffVersionsQuery): Promise<KbDiff> {
    this.writer.assertCanUpdate(actor, await this.articles.byId(id), id);
    const versions = await this.versions.versions(id);
    const a = versions.find((v) => v.number === from);
    const b = versions.find((v) => v.number === to);
    if (!a) throw KbErrors.versionNotFound(from, 'from');
    if (!b) throw KbErrors.versionNotFound(to, 'to');
    return diffVersions(a, b);
  }
}
