import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { KbArticleRepository } from './kb-article.repository.js';
import { PublishScheduledJob } from './publishing/publish-scheduled.job.js';

/** The worker's half of the knowledge base: publishing scheduled articles on time. */
@Module({
  imports: [AuditModule, UsersModule],
  providers: [KbArticleRepository, PublishScheduledJob],
  exports: [PublishScheduledJob],
})
export class KbWorkerModule {}
