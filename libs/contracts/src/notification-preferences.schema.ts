import { z } from 'zod';

/**
 * What a person can be notified about. mention: an @mention in an internal note; assigned: a ticket
 * assigned to you by someone else; team_ticket_created: a new ticket in one of your teams;
 * customer_replied: the customer answered on a ticket assigned to you; sla_warning / sla_breach;
 * failed_work: a background job gave up (admins only: nobody else is ever alerted, docs/decisions/026).
 */
export const NOTIFICATION_EVENTS = ['mention', 'assigned', 'team_ticket_created', 'customer_replied', 'sla_warning', 'sla_breach', 'failed_work'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export const NOTIFICATION_CHANNELS = ['inApp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_EVENT_LABELS: Record<NotificationEvent, string> = {
  mention: 'Someone @mentions me',
  assigned: 'A ticket is assigned to me',
  team_ticket_created: 'A ticket is created in my team',
  customer_replied: 'The customer replies on my ticket',
  sla_warning: 'An SLA target is approaching',
  sla_breach: 'An SLA target was breached',
  failed_work: 'A background job gives up (failed background work)',
};

/** Events only admins can receive; the settings page shows them to admins alone. */
export const ADMIN_NOTIFICATION_EVENTS: readonly NotificationEvent[] = ['failed_work'];

/**
 * Events added after the preferences document was first published: a client written before them (a
 * REST caller, an older page) sends a document without them, which keeps the stored choice for them
 * instead of failing. Stored documents without them read them as their default (stored-preferences.ts).
 */
export const LATER_NOTIFICATION_EVENTS = ['failed_work'] as const satisfies readonly NotificationEvent[];
type LaterEvent = (typeof LATER_NOTIFICATION_EVENTS)[number];
const isLater = (e: NotificationEvent): e is LaterEvent => (LATER_NOTIFICATION_EVENTS as readonly NotificationEvent[]).includes(e);

const zChannels = z.object({ inApp: z.boolean(), email: z.boolean() });
const zClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time such as 22:00' });
const zTimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as Europe/Lisbon' },
);

/**
 * Quiet hours in the person's time zone (from start to end, across midnight when end < start).
 * In-app notifications are still recorded; email is held until the quiet hours end, or dropped.
 */
export const zQuietHours = z.object({
  enabled: z.boolean(),
  start: zClock,
  end: zClock,
  timeZone: zTimeZone,
  email: z.enum(['hold', 'drop']),
});
export type QuietHours = z.infer<typeof zQuietHours>;

/**
 * A customer's email (portal, Email settings): `replies` false -> an agent's reply on a ticket with no
 * channel of its own (portal, api) is not emailed to them (they read it in the portal). Replies on an
 * email, SMS or WhatsApp ticket are the conversation itself and always go out. Absent = on.
 */
export const zCustomerEmailPreferences = z.object({ replies: z.boolean() });

export const zNotificationPreferences = z.object({
  events: z.object(Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, zChannels])) as Record<NotificationEvent, typeof zChannels>),
  quietHours: zQuietHours,
  customer: zCustomerEmailPreferences.optional(),
});
export type NotificationPreferences = z.infer<typeof zNotificationPreferences>;

/** What a client may send to save preferences: the full document, except that later events may be left out. */
export const zNotificationPreferencesInput = zNotificationPreferences.extend({
  events: z.object(
    Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, isLater(e) ? zChannels.optional() : zChannels])) as {
      [E in Exclude<NotificationEvent, LaterEvent>]: typeof zChannels;
    } & { [E in LaterEvent]: z.ZodOptional<typeof zChannels> },
  ),
});
export type NotificationPreferencesInput = z.infer<typeof zNotificationPreferencesInput>;

/** Everything on, no quiet hours: what a person who never opened the settings gets. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  events: Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, { inApp: true, email: true }])) as NotificationPreferences['events'],
  quietHours: { enabled: false, start: '22:00', end: '07:00', timeZone: 'UTC', email: 'hold' },
};
