import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { DismissFailedWorkHandler } from './commands/dismiss-failed-work/dismiss-failed-work.handler.js';
import { RetryFailedTopicHandler } from './commands/retry-failed-topic/retry-failed-topic.handler.js';
import { RetryFailedWorkHandler } from './commands/retry-failed-work/retry-failed-work.handler.js';
import { FailedWorkRepository } from './failed-work.repository.js';
import { FailedWorkRouter } from './failed-work.router.js';
import { CountFailedWorkHandler } from './queries/count-failed-work/count-failed-work.handler.js';
import { ListFailedWorkHandler } from './queries/list-failed-work/list-failed-work.handler.js';

/** The API's half: admins list, count, retry and dismiss failed outbox rows (docs/decisions/023). */
@Module({
  imports: [CqrsModule, AuditModule],
  providers: [FailedWorkRepository, FailedWorkRouter, ListFailedWorkHandler, CountFailedWorkHandler, RetryFailedWorkHandler, RetryFailedTopicHandler, DismissFailedWorkHandler],
  exports: [FailedWorkRouter],
})
export class FailedWorkModule {}
