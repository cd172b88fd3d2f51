import { describe, expect, it, jest } from '@jest/globals';
import type { Sequelize } from 'sequelize-typescript';
import type { NotificationFeed } from '../inbox/notification-feed.service.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { ALERT_WINDOW_MS, FailedWorkAlerts } from './failed-work-alerts.js';
import type { AlertWindow, FailedWorkRepository } from './failed-work.repository.js';

const NOW = new Date('2026-12-03T10:00:00Z');

/** Repositories in memory: one alert window per admin, the notifications by id. */
function setup(windows: Record<number, AlertWindow | undefined> = {}, { failed = true, deadlocks = 0 } = {}) {
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
  const outbox = { markAttempt: jest.fn(async () => undefined) };
  const failures = {
    markFailed: jest.fn(async () => (failed ? { topic: 'sla.escalate' } : null)),
    activeAdmins: jest.fn(async () => [1, 2]),
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
  const feed = {
    notify: jest.fn(async (_userId: number, n: { title: string }) => {
      const id = nextId++;
      notifications.set(id, n.title);
      return id;
    }),
  };
  const alerts = new FailedWorkAlerts(sequelize, outbox as unknown as OutboxRepository, failures as unknown as FailedWorkRepository, feed as unknown as NotificationFeed);
  return { alerts, outbox, failures, feed, notifications, windows, transactions: () => transactions };
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
});
