import { z } from 'zod';
import { LEVELS, TICKET_STATUSES } from './enums.js';
import { zTicketId } from './ticket.schema.js';

export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const SLA_METRIC_LABELS: Record<SlaMetric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

/** How a target stands now: running (green), approaching (amber), breached (red), paused (grey), met. */
export const SLA_TARGET_STATES = ['running', 'approaching', 'breached', 'paused', 'met'] as const;
export type SlaTargetState = (typeof SLA_TARGET_STATES)[number];

/** Queue filter by due time: running targets already overdue, or due within the next hour. */
export const SLA_DUE_FILTERS = ['overdue', 'next_hour'] as const;
export type SlaDueFilter = (typeof SLA_DUE_FILTERS)[number];

const zMinutes = z.coerce.number({ error: 'must be a number of minutes' }).int({ error: 'must be whole minutes' }).min(1, { error: 'must be at least 1 minute' }).max(366 * 24 * 60);

export const zSlaTargetTimes = z.object({
  urgency: z.enum(LEVELS),
  importance: z.enum(LEVELS),
  firstResponseMinutes: zMinutes,
  nextResponseMinutes: zMinutes,
  resolutionMinutes: zMinutes,
});
export type SlaTargetTimes = z.infer<typeof zSlaTargetTimes>;

export const zOpeningSpan = z.object({
  day: z.coerce.number().int().min(1, { error: 'must be 1 (Monday) to 7 (Sunday)' }).max(7, { error: 'must be 1 (Monday) to 7 (Sunday)' }),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:mm' }),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'must be a time HH:mm (24:00 for midnight)' }),
});

export const zHoliday = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }),
  name: z.string().trim().max(120).default(''),
});

export const zBusinessCalendar = z.object({
  id: z.number().int(),
  name: z.string(),
  timezone: z.string(),
  weekly: z.array(zOpeningSpan),
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
});
export type BusinessCalendar = z.infer<typeof zBusinessCalendar>;

export const zSaveCalendarInput = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { error: 'is required' }).max(80),
  timezone: z.string().trim().min(1, { error: 'is required' }).max(64),
  weekly: z.array(zOpeningSpan).max(70),
  holidays: z.array(zHoliday).max(400).default([]),
});
export type SaveCalendarInput = z.input<typeof zSaveCalendarInput>;

export const zSlaAssignment = z.object({
  companyId: z.number().int().positive().nullable(),
  issueTypeId: z.number().int().positive().nullable(),
});

export const zSlaPolicy = z.object({
  id: z.number().int(),
  name: z.string(),
  calendarId: z.number().int(),
  calendarName: z.string(),
  businessTime: z.boolean(),
  targets: z.array(zSlaTargetTimes),
  pauseStatuses: z.array(z.enum(TICKET_STATUSES)),
  warnPercent: z.number().int(),
  escalation: z.object({
    raiseUrgency: z.boolean(),
    teamId: z.number().int().nullable(),
    assigneeId: z.number().int().nullable(),
  }),
  isDefault: z.boolean(),
  assignments: z.array(zSlaAssignment),
});
export type SlaPolicy = z.infer<typeof zSlaPolicy>;

export const zSavePolicyInput = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { error: 'is required' }).max(80),
  calendarId: z.number().int().positive(),
  businessTime: z.boolean().default(false),
  targets: z.array(zSlaTargetTimes).min(1, { error: 'needs at least one row' }).max(16),
  pauseStatuses: z.array(z.enum(['waiting_on_customer', 'on_hold'])).default(['waiting_on_customer', 'on_hold']),
  warnPercent: z.coerce.number().int().min(1, { error: 'must be 1 to 99' }).max(99, { error: 'must be 1 to 99' }).default(75),
  escalation: z
    .object({
      raiseUrgency: z.boolean().default(false),
      teamId: z.number().int().positive().nullable().default(null),
      assigneeId: z.number().int().positive().nullable().default(null),
    })
    .default({ raiseUrgency: false, teamId: null, assigneeId: null }),
  assignments: z.array(zSlaAssignment).max(500).default([]),
});
export type SavePolicyInput = z.input<typeof zSavePolicyInput>;

export const zSlaPreviewInput = z.object({
  policyId: z.number().int().positive(),
  urgency: z.enum(LEVELS),
  importance: z.enum(LEVELS),
  /** An instant (ISO 8601 with offset or Z)… */
  createdAt: z.iso.datetime({ offset: true, error: 'must be a date and time in ISO 8601' }).optional(),
  /** …or a wall-clock time in the policy calendar's zone, 'YYYY-MM-DDTHH:mm' (what a datetime-local field sends). */
  createdAtLocal: z.iso.datetime({ local: true, error: 'must be a local date and time YYYY-MM-DDTHH:mm' }).optional(),
});

export const zSlaPreview = z.object({
  timezone: z.string(),
  createdAtLocal: z.string(),
  items: z.array(z.object({ metric: z.enum(SLA_METRICS), minutes: z.number().int(), dueAt: z.string(), dueAtLocal: z.string() })),
  /** "A critical/high ticket created Friday 17:30 is due Monday 09:30" (first response), in the calendar's zone. */
  sentence: z.string(),
});
export type SlaPreview = z.infer<typeof zSlaPreview>;

export const zSlaTarget = z.object({
  metric: z.enum(SLA_METRICS),
  seq: z.number().int(),
  state: z.enum(SLA_TARGET_STATES),
  targetMinutes: z.number().int(),
  startedAt: z.string(),
  dueAt: z.string(),
  warnAt: z.string(),
  pausedAt: z.string().nullable(),
  pausedMs: z.number().int(),
  metAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
});
export type SlaTarget = z.infer<typeof zSlaTarget>;

export const zTicketSla = z.object({
  ticketId: z.number().int(),
  policyId: z.number().int(),
  policyName: z.string(),
  /** Why this policy applies, e.g. "assigned to company Acme and issue type Bug". */
  reason: z.string(),
  nextDueAt: z.string().nullable(),
  /** The targets that matter now: first response and resolution, and the latest next response. */
  targets: z.array(zSlaTarget),
});
export type TicketSla = z.infer<typeof zTicketSla>;

export const zTicketSlaInput = z.object({ ticketId: zTicketId });
export const zTicketSlasInput = z.object({ ticketIds: z.array(zTicketId).max(100) });

export const zComplianceInput = z.object({
  groupBy: z.enum(['policy', 'team', 'agent', 'company', 'month']),
  metric: z.enum(SLA_METRICS).optional(),
  from: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: 'must be a date YYYY-MM-DD' }).optional(),
});
export type ComplianceInput = z.input<typeof zComplianceInput>;

export const zComplianceRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  met: z.number().int(),
  breached: z.number().int(),
  /** met / (met + breached), 0..1; null when nothing was decided yet. */
  rate: z.number().nullable(),
});
export type ComplianceRow = z.infer<typeof zComplianceRow>;

/** What the portal shows a customer after opening a ticket, when their company wants it shown. */
export const zExpectedResponse = z.object({ dueAt: z.string().nullable(), text: z.string().nullable() });
