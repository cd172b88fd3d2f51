import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditModule } from '../audit/audit.module.js';
import { ArticleWriter } from './article-writer.js';
import { KbCommandHandlers } from './commands/index.js';
import { KbArticleVersionRepository } from './kb-article-version.repository.js';
import { KbArticleModel } from './kb-article.model.js';
import { KbArticleRepository } from './kb-article.repository.js';
import { KbCategoryRepository } from './kb-category.repository.js';
import { KbRelatedArticlesRepository } from './kb-related-articles.repository.js';
import { KbClock } from './kb-clock.js';
import { KbFeedbackRepository } from './kb-feedback.repository.js';
import { KbRouter } from './kb.router.js';
import { KbQueryHandlers } from './queries/index.js';
import { KbSearchRepository } from './search/kb-search.repository.js';
import { KbTermsRepository } from './search/kb-terms.repository.js';
import { MissLimiter } from './search/miss-limiter.js';

/** The knowledge base: articles with versions, categories, search, readers' feedback and deflection. */
@Module({
  imports: [CqrsModule, AuditModule, SequelizeModule.forFeature([KbArticleModel])],
  providers: [
    KbArticleRepository,
    KbArticleVersionRepository,
    KbRelatedArticlesRepository,
    KbTermsRepository,
    KbCategoryRepository,
    KbFeedbackRepository,
    KbSearchRepository,
    KbClock,
    MissLimiter,
    ArticleWriter,
    ...KbCommandHandlers,
    ...KbQueryHandlers,
    KbRouter,
  ],
  exports: [KbRouter],
})
export class KbModule {}
