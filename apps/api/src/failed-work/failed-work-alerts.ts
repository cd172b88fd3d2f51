import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { Sequelize } from 'sequelize-typescript';
import { NotificationFeed } from '../inbox/notification-feed.service.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { FailedWorkRepository } from './failed-work.repository.js';

/** At most one alert per topic per admin within this long; later failures add to its count. */
export const ALERT_WINDOW_MS = 60 * 60_000;
export const FAILED_WORK_KIND = 'outbox.failed';

export const alertTitle = (topic: string, failures: number) =>
  `${failures} background ${failures === 1 ? 'job' : 'jobs'} failed: ${topic}`;
const alertBody = (error: string) => `Gave up after the last attempt. Latest error: ${error.slice(0, 300)} — Admin → Failed background work to retry or dismiss.`;

const isDeadlock = (e: unknown) => {
  const parent = (e as { parent?: { errno?: number; code?: string } } | null)?.parent;
  return parent?.errno === 1213 || parent?.code === 'ER_LOCK_DEADLOCK';
};

/**
 * Records an outbox job's failed attempt; on the last one the row becomes `failed` and every active
 * admin hears of it in the same transaction (docs/decisions/023). The alert is throttled per topic
 * and admin in SQL: the admin's row in outbox_failure_alerts is locked, so when two workers fail
 * rows of one topic at once the second waits, finds the first's alert within the hour and rewrites
 * it to say how many failed ("500 background jobs failed: sla.escalate"), instead of sending another.
 * In-app only: no notification-preference event (see the decision record).
 */
@Injectable()
export class FailedWorkAlerts {
  private readonly logger = new Logger(FailedWorkAlerts.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly outbox: OutboxRepository,
    private readonly failures: FailedWorkRepository,
    private readonly feed: NotificationFeed,
  ) {}

  async recordAttempt(outboxId: number, error: string, final: boolean, now = new Date()): Promise<void> {
    if (!final) return this.outbox.markAttempt(outboxId, error, false);
    // Workers failing rows of one topic at once queue up on the alert rows; should InnoDB still pick
    // one as a deadlock victim, the whole transaction runs again (it decides everything afresh).
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fail(outboxId, error, now);
      } catch (e) {
        if (attempt >= 3 || !isDeadlock(e)) throw e;
      }
    }
  }

  private async fail(outboxId: number, error: string, now: Date): Promise<void> {
    await this.sequelize.transaction(async (transaction) => {
      const failed = await this.failures.markFailed(outboxId, error, transaction);
      if (!failed) return;
      const admins = await this.failures.activeAdmins(SYSTEM_USER_EMAIL, transaction);
      for (const adminId of admins) {
        const window = await this.failures.lockAlertWindow(failed.topic, adminId, transaction);
        const open = window.notificationId !== null && now.getTime() - window.windowStartedAt.getTime() < ALERT_WINDOW_MS;
        if (open) {
          const failures = window.failures + 1;
          const still = await this.failures.rewriteNotification(window.notificationId!, adminId, alertTitle(failed.topic, failures), alertBody(error), transaction);
          if (still) {
            await this.failures.saveAlertWindow(failed.topic, adminId, { ...window, failures }, transaction);
            continue;
          }
          // The admin deleted the notification (or the account went): a new alert below.
        }
        const notificationId = await this.feed.notify(adminId, { kind: FAILED_WORK_KIND, title: alertTitle(failed.topic, 1), body: alertBody(error) }, transaction);
        await this.failures.saveAlertWindow(failed.topic, adminId, { windowStartedAt: now, failures: 1, notificationId }, transaction);
      }
      this.logger.warn(`outbox row ${outboxId} (${failed.topic}) failed for good; ${admins.length} admin(s) alerted`);
    });
  }
}
