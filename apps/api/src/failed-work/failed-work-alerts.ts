import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { NotificationFeed } from '../inbox/notification-feed.service.js';
import { NotificationPreferencesRepository } from '../inbox/preferences/notification-preferences.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { OutboxTopic } from '../outbox/outbox.topics.js';
import { FailedWorkRepository, type AlertWindow, type Admin } from './failed-work.repository.js';

/** At most one alert per topic per admin within this long; later failures add to its count. */
export const ALERT_WINDOW_MS = 60 * 60_000;
export const FAILED_WORK_KIND = 'outbox.failed';
/** The outbox topic of an admin's alert email (failed-work-alert.mailer.ts). */
export const FAILED_WORK_ALERT_TOPIC = 'failed_work.alert' satisfies OutboxTopic;
/**
 * Failures alerted in the bell only, never by email: the alert email's own delivery. Its failure
 * emailing again could loop (a provider that refuses mail would refuse every alert about itself);
 * every other topic, staff notification emails included, may email (docs/decisions/026).
 */
const IN_APP_ONLY_TOPICS: ReadonlySet<string> = new Set([FAILED_WORK_ALERT_TOPIC]);

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
 * An alert that starts (not one that only counts) is also emailed to the admin, when their
 * `failed_work` preference wants email (quiet hours are the mailer's, docs/decisions/026); in-app is
 * their `failed_work` in-app choice. A failed alert email is alerted in-app only.
 */
@Injectable()
export class FailedWorkAlerts {
  private readonly logger = new Logger(FailedWorkAlerts.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly outbox: OutboxRepository,
    private readonly failures: FailedWorkRepository,
    private readonly feed: NotificationFeed,
    private readonly preferences: NotificationPreferencesRepository,
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
      const mayEmail = !IN_APP_ONLY_TOPICS.has(failed.topic);
      let emailed = 0;
      for (const admin of admins) {
        const window = await this.failures.lockAlertWindow(failed.topic, admin.id, transaction);
        if (await this.addToOpenAlert(failed.topic, admin.id, window, error, now, transaction)) continue;
        // A new alert: in the bell (unless the admin turned failed_work off in-app) and, once, by email.
        const notificationId = await this.feed.notify(admin.id, { kind: FAILED_WORK_KIND, title: alertTitle(failed.topic, 1), body: alertBody(error) }, transaction);
        await this.failures.saveAlertWindow(failed.topic, admin.id, { windowStartedAt: now, failures: 1, notificationId }, transaction);
        if (mayEmail && (await this.wantsEmail(admin, transaction))) {
          await this.outbox.append(FAILED_WORK_ALERT_TOPIC, { topic: failed.topic, error: error.slice(0, 1000), recipient: admin }, transaction);
          emailed++;
        }
      }
      this.logger.warn(`outbox row ${outboxId} (${failed.topic}) failed for good; ${admins.length} admin(s) alerted, ${emailed} by email`);
    });
  }

  /**
   * Within the hour of the admin's alert for this topic the failure only adds to its count: the
   * notification is rewritten (or, when the admin had in-app off as it started, written now if they
   * want it again). False when there is no open alert, or its notification is gone: a new alert then.
   */
  private async addToOpenAlert(topic: string, adminId: number, window: AlertWindow, error: string, now: Date, transaction: Transaction): Promise<boolean> {
    const open = window.failures > 0 && now.getTime() - window.windowStartedAt.getTime() < ALERT_WINDOW_MS;
    if (!open) return false;
    const failures = window.failures + 1;
    if (window.notificationId === null) {
      const notificationId = await this.feed.notify(adminId, { kind: FAILED_WORK_KIND, title: alertTitle(topic, failures), body: alertBody(error) }, transaction);
      await this.failures.saveAlertWindow(topic, adminId, { ...window, failures, notificationId }, transaction);
      return true;
    }
    const still = await this.failures.rewriteNotification(window.notificationId, adminId, alertTitle(topic, failures), alertBody(error), transaction);
    if (!still) return false; // The notification is gone (the account went): a new alert.
    await this.failures.saveAlertWindow(topic, adminId, { ...window, failures }, transaction);
    return true;
  }

  private async wantsEmail(admin: Admin, transaction: Transaction): Promise<boolean> {
    return (await this.preferences.get(admin.id, transaction)).events.failed_work.email;
  }
}
