import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  NOTIFICATION_EVENTS,
  zCustomerEmailPreferences,
  zNotificationPreferences,
  zQuietHours,
  type NotificationPreferences,
} from '@switchboard/contracts';

/**
 * A saved preferences document, read part by part: an event added since the document was saved takes its
 * default instead of failing the whole document (which used to drop every choice the person had made), and a
 * part that no longer validates falls back alone. Unreadable JSON is the defaults.
 */
export function readStoredPreferences(json: string): NotificationPreferences {
  let stored: { events?: Record<string, unknown>; quietHours?: unknown; customer?: unknown };
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object') return DEFAULT_NOTIFICATION_PREFERENCES;
    stored = value as typeof stored;
  } catch {
    return DEFAULT_NOTIFICATION_PREFERENCES;
  }
  const channels = zNotificationPreferences.shape.events.shape;
  const events = Object.fromEntries(
    NOTIFICATION_EVENTS.map((event) => {
      const parsed = channels[event].safeParse(stored.events?.[event]);
      return [event, parsed.success ? parsed.data : DEFAULT_NOTIFICATION_PREFERENCES.events[event]];
    }),
  ) as NotificationPreferences['events'];
  const quietHours = zQuietHours.safeParse(stored.quietHours);
  const customer = zCustomerEmailPreferences.safeParse(stored.customer);
  return {
    events,
    quietHours: quietHours.success ? quietHours.data : DEFAULT_NOTIFICATION_PREFERENCES.quietHours,
    ...(customer.success ? { customer: customer.data } : {}),
  };
}
