import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../audit/audit.repository.js';
import { SystemActor } from '../../users/system-actor.js';
import { KbArticleRepository } from '../kb-article.repository.js';

const BATCH = 100;
const INTERVAL = 'kb-publish-scheduled';
export const PUBLISH_EVERY_MS = 30_000;

/**
 * Publishes scheduled articles once their publish time has passed. Timers are data: each run is a
 * query over (state, publish_at), so a restart loses nothing, and the version check makes a second
 * worker (or an editor's change in between) win cleanly instead of publishing twice.
 * `run(now)` takes the clock so tests control time without sleeping.
 */
@Injectable()
export class PublishScheduledJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PublishScheduledJob.name);
  private running = false;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly articles: KbArticleRepository,
    private readonly audit: AuditRepository,
    private readonly system: SystemActor,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onModuleInit() {
    this.scheduler.addInterval(INTERVAL, setInterval(() => void this.tick(), PUBLISH_EVERY_MS));
  }

  onApplicationShutdown() {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
  }

  private async tick() {
    if (this.running) return;
    this.running = true;
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`publishing scheduled articles failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** One pass: publishes every article due at `now`; returns their ids. */
  async run(now = new Date()): Promise<number[]> {
    const actor = await this.system.get();
    const published: number[] = [];
    for (;;) {
      const due = await this.articles.due(now, BATCH);
      let progressed = false;
      for (const article of due) {
        const done = await this.sequelize.transaction(async (transaction) => {
          const publishAt = new Date(article.publishAt);
          const ok = await this.articles.setState(article.id, article.version, 'published', null, publishAt, actor.user.id, transaction);
          if (!ok) return false;
          await this.audit.record(
            actor,
            {
              action: 'kb.article.published',
              subjectType: 'KbArticle',
              subjectId: article.id,
              before: { state: 'scheduled', publishAt },
              after: { state: 'published', via: 'schedule' },
            },
            transaction,
          );
          return true;
        });
        if (done) {
          published.push(article.id);
          progressed = true;
        }
      }
      if (due.length < BATCH || !progressed) break;
    }
    return published;
  }
}
