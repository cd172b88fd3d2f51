import { describe, expect, it, jest } from '@jest/globals';
import type { Sequelize } from 'sequelize-typescript';
import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@switchboard/contracts';
import type { NotificationFeed } from '../inbox/notification-feed.service.js';
import type { NotificationPreferencesRepository } from '../inbox/preferences/notification-preferences.repository.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { ALERT_WINDOW_MS, FailedWorkAlerts } from './failed-work-alerts.js';
import type { AlertWindow, FailedWorkRepository } from './failed-work.repository.js';

const NOW = new Date('2026-12-03T10:00:00Z');

const prefs = (failedWork: { inApp: boolean; email: boolean }): NotificationPreferences => ({
  ...DEFAULT_NOTIFICATION_PREFERENCES,
  events: { ...DEFAULT_NOTIFICATION_PREFERENCES.events, failed_work: failedWork },
});

/** Repositories in memory: one alert window per admin, the notifications by id, the admins' failed_work choices. */
function setup(
  windows: Record<number, AlertWindow | undefined> = {},
  { failed = true, deadlocks = 0, topic = 'sla.escalate', choices = {} as Record<number, { inApp: boolean; email: boolean }> } = {},
) {
  const notifications = new Map<number, string>();
  let nextId = 100;
  let transactions = 0;
  const sequelize = {
    transaction: async (work: (t: object) => Promise<unknown>) => {
      transactions++;
      if (deadlocks > 0) {
        deadlocks--;
        throw Object.assign(new Error('Deadlock found'), { parent: { errno: 1213 } });
      }
      return work({});
    },
  } as unknown as Sequelize;
  const outbox = { markAttempt: jest.fn(async () => undefined), append: jest.fn(async () => undefined) };
  const failures = {
    markFailed: jest.fn(async () => (failed ? { topic } : null)),
    activeAdmins: jest.fn(async () => [1, 2].map((id) => ({ id, email: `admin${id}@example.test`, name: `Admin ${id}` }))),
    lockAlertWindow: jest.fn(async (_topic: string, userId: number) => windows[userId] ?? { windowStartedAt: new Date(86_400_000), failures: 0, notificationId: null }),
    saveAlertWindow: jest.fn(async (_topic: string, userId: number, w: AlertWindow) => {
      windows[userId] = w;
    }),
    rewriteNotification: jest.fn(async (id: number, _userId: number, title: string) => {
      if (!notifications.has(id)) return false;
      notifications.set(id, title);
      return true;
    }),
  };
  const preferences = { get: jest.fn(async (userId: number) => prefs(choices[userId] ?? { inApp: true, email: true })) };
  const feed = {
    notify: jest.fn(async (userId: number, n: { title: string }) => {
      if (choices[userId]?.inApp === false) return null; // what the real feed does when the admin turned failed_work off in-app
      const id = nextId++;
      notifications.set(id, n.title);
      return id;
    }),
  };
  const alerts = new FailedWorkAlerts(
    sequelize,
    outbox as unknown as OutboxRepository,
    failures as unknown as FailedWorkRepository,
    feed as unknown as NotificationFeed,
    preferences as unknown as NotificationPreferencesRepository,
  );
  const emailsTo = () => outbox.append.mock.calls.map((c) => (c as unknown as [string, { recipient: { id: number } }])[1].recipient.id);
  return { alerts, outbox, failures, feed, notifications, windows, emailsTo, transactions: () => transactions };
}

describe('FailedWorkAlerts', () => {
  it('an attempt that is not the last only counts it, and alerts nobody', async () => {
    const s = setup();
    await s.alerts.recordAttempt(7, 'boom', false, NOW);
    expect(s.outbox.markAttempt).toHaveBeenCalledWith(7, 'boom', false);
    expect(s.failures.markFailed).not.toHaveBeenCalled();
    expect(s.feed.notify).not.toHaveBeenCalled();
  });

  it('the last attempt alerts each admin once; later failures within the hour rewrite that alert with the count', async () => {
    const s = setup();
    await s.alerts.recordAttempt(7, 'boom', true, NOW);
    await s.alerts.recordAttempt(8, 'boom', true, new Date(NOW.getTime() + 60_000));
    await s.alerts.recordAttempt(9, 'boom', true, new Date(NOW.getTime() + ALERT_WINDOW_MS - 1));
    expect(s.feed.notify).toHaveBeenCalledTimes(2);
    expect([...s.notifications.values()]).toEqual(['3 background jobs failed: sla.escalate', '3 background jobs failed: sla.escalate']);
    expect(s.windows[1]).toMatchObject({ windowStartedAt: NOW, failures: 3 });
  });

  it('after the hour the next failure is a new alert', async () => {
    const s = setup();
    await s.alerts.recordAttempt(7, 'boom', true, NOW);
    await s.alerts.recordAttempt(8, 'boom', true, new Date(NOW.getTime() + ALERT_WINDOW_MS));
    expect(s.feed.notify).toHaveBeenCalledTimes(4);
    expect(s.windows[2]).toMatchObject({ failures: 1, notificationId: 103 });
  });

  it('a notification that is gone (deleted) is replaced by a new alert rather than counted into nothing', async () => {
    const s = setup({ 1: { windowStartedAt: NOW, failures: 4, notificationId: 999 } });
    await s.alerts.recordAttempt(7, 'boom', true, new Date(NOW.getTime() + 1000));
    expect(s.feed.notify).toHaveBeenCalledWith(1, expect.objectContaining({ kind: 'outbox.failed', title: '1 background job failed: sla.escalate' }), {});
  });

  it('a row that was no longer running (a duplicate failure event) alerts nobody', async () => {
    const s = setup({}, { failed: false });
    await s.alerts.recordAttempt(7, 'boom', true, NOW);
    expect(s.failures.activeAdmins).not.toHaveBeenCalled();
    expect(s.feed.notify).not.toHaveBeenCalled();
  });

  it('a deadlock victim runs the whole transaction again, up to three times', async () => {
    const retried = setup({}, { deadlocks: 2 });
    await retried.alerts.recordAttempt(7, 'boom', true, NOW);
    expect(retried.transactions()).toBe(3);
    expect(retried.feed.notify).toHaveBeenCalledTimes(2);

    const givesUp = setup({}, { deadlocks: 3 });
    await expect(givesUp.alerts.recordAttempt(7, 'boom', true, NOW)).rejects.toThrow('Deadlock');
  });

  it('an alert that starts is emailed once to each admin who wants it; failures that only count it are not', async () => {
    const s = setup({}, { choices: { 2: { inApp: true, email: false } } });
    await s.alerts.recordAttempt(7, 'boom', true, NOW);
    await s.alerts.recordAttempt(8, 'boom again', true, new Date(NOW.getTime() + 60_000));
    expect(s.emailsTo()).toEqual([1]);
    expect(s.outbox.append).toHaveBeenCalledWith(
      'failed_work.alert',
      { topic: 'sla.escalate', error: 'boom', recipient: { id: 1, email: 'admin1@example.test', name: 'Admin 1' } },
      {},
    );
    await s.alerts.recordAttempt(9, 'boom', true, new Date(NOW.getTime() + ALERT_WINDOW_MS));
    expect(s.emailsTo()).toEqual([1, 1]);
  });

  it('with the bell turned off the hour is still counted, so a burst is one email, not one per failure', async () => {
    const s = setup({}, { choices: { 1: { inApp: false, email: true } } });
    for (let i = 0; i < 5; i++) await s.alerts.recordAttempt(7 + i, 'boom', true, new Date(NOW.getTime() + i * 1000));
    expect(s.emailsTo()).toEqual([1, 2]);
    expect(s.windows[1]).toMatchObject({ windowStartedAt: NOW, failures: 5, notificationId: null });
    expect(s.feed.notify.mock.calls.filter((c) => c[0] === 2)).toHaveLength(1);
  });

  it('an alert email that itself gives up is alerted in the bell only: no email about an email', async () => {
    const s = setup({}, { topic: 'failed_work.alert' });
    await s.alerts.recordAttempt(7, 'mail refused', true, NOW);
    expect(s.feed.notify).toHaveBeenCalledTimes(2);
    expect([...s.notifications.values()]).toEqual(['1 background job failed: failed_work.alert', '1 background job failed: failed_work.alert']);
    expect(s.outbox.append).not.toHaveBeenCalled();
  });
});
