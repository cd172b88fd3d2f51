import { Injectable } from '@nestjs/common';
import type { Transaction } from 'sequelize';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '@switchboard/contracts';
import { NotificationPreferencesRepository } from './notification-preferences.repository.js';
import { quietHoursEnd } from './quiet-hours.js';

export type EmailDecision = { send: true } | { send: false; drop: string } | { send: false; holdUntil: Date };

const isEvent = (kind: string): kind is NotificationEvent => (NOTIFICATION_EVENTS as readonly string[]).includes(kind);
/** In-app kinds whose name differs from their preference event (the SLA enforcer's `sla.warning` / `sla.breach`, failed-work's `outbox.failed`). */
const KIND_EVENTS: Record<string, NotificationEvent> = { 'sla.warning': 'sla_warning', 'sla.breach': 'sla_breach', 'outbox.failed': 'failed_work' };
const eventOf = (kind: string): NotificationEvent | null => KIND_EVENTS[kind] ?? (isEvent(kind) ? kind : null);

/**
 * Where notifications are produced, asks the recipient's preferences: in-app per event (quiet hours
 * do not apply: the bell is silent anyway), email per event and, during quiet hours, held until they
 * end or dropped. Kinds that are not a preference event always pass.
 */
@Injectable()
export class NotificationGate {
  constructor(private readonly preferences: NotificationPreferencesRepository) {}

  async inApp(userId: number, kind: string, transaction?: Transaction): Promise<boolean> {
    const event = eventOf(kind);
    if (!event) return true;
    return (await this.preferences.get(userId, transaction)).events[event].inApp;
  }

  async email(userId: number, event: NotificationEvent, now = new Date()): Promise<EmailDecision> {
    const prefs = await this.preferences.get(userId);
    if (!prefs.events[event].email) return { send: false, drop: `the recipient turned off email for "${event}" notifications` };
    const until = quietHoursEnd(prefs.quietHours, now);
    if (!until) return { send: true };
    if (prefs.quietHours.email === 'drop') return { send: false, drop: 'the recipient’s quiet hours (email dropped)' };
    return { send: false, holdUntil: until };
  }
}
