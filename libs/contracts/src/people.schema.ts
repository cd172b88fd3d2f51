import { z } from 'zod';
import { zEmail } from './auth.schema.js';
import { ROLES } from './enums.js';

/** Agent profiles, skills and teams: who works tickets, what they know, and how a team routes. */

export const USER_STATUSES = ['active', 'suspended', 'pending'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const AVAILABILITIES = ['online', 'away', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const ROUTING_STRATEGIES = ['manual', 'round_robin', 'least_loaded', 'skills_based'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export const STAFF_ROLES = ['agent', 'manager', 'admin'] as const;

export const SKILL_LEVEL_MAX = 5;

const zId = (what: string) => z.coerce.number({ error: `must be a ${what} id` }).int().positive();
export const zUserId = zId('user');
export const zSkillId = zId('skill');
export const zTeamId = zId('team');

/** A language code such as `en`, `es` or `pt-BR`. */
export const zLanguage = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: 'must be a language code such as en or pt-BR' });

export const zTimezone = z
  .string()
  .trim()
  .min(1, { error: 'is required' })
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, { error: 'must be an IANA time zone such as Europe/Madrid' });

const zHhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM' });
/** Working hours per weekday (0 = Sunday), in the agent's own time zone. */
export const zWorkingHours = z
  .array(z.object({ day: z.number().int().min(0).max(6), start: zHhMm, end: zHhMm }))
  .max(14)
  .refine((days) => days.every((d) => d.start < d.end), { error: 'each day must end after it starts' });
export type WorkingHours = z.infer<typeof zWorkingHours>;

export const zSkillLevel = z.number().int().min(1, { error: 'must be 1-5' }).max(SKILL_LEVEL_MAX, { error: 'must be 1-5' });
export const zAgentSkill = z.object({ skillId: z.number().int(), name: z.string(), level: z.number().int() });
export type AgentSkill = z.infer<typeof zAgentSkill>;

export const zAgentProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(USER_STATUSES),
  availability: z.enum(AVAILABILITIES),
  capacity: z.number().int(),
  /** Tickets assigned and not yet resolved or closed. */
  openTickets: z.number().int(),
  timezone: z.string(),
  workingHours: zWorkingHours,
  languages: z.array(z.string()),
  /** E.164; "0, talk to an agent" on the phone line rings it while the agent is online. */
  phone: z.string().nullable(),
  skills: z.array(zAgentSkill),
  teams: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type AgentProfile = z.infer<typeof zAgentProfile>;

export const zListAgentsInput = z.object({ teamId: zTeamId.optional() }).optional();

export const zUpdateAgentInput = z.object({
  id: zUserId,
  name: z.string().trim().min(1, { error: 'is required' }).max(120).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  capacity: z.number().int().min(0, { error: 'must be 0 or more' }).max(1000, { error: 'must be at most 1000' }).optional(),
  timezone: zTimezone.optional(),
  workingHours: zWorkingHours.optional(),
  languages: z.array(zLanguage).max(20).optional(),
  teamIds: z.array(zTeamId).max(50).optional(),
  /** A phone number with its country code (stored as E.164); null or empty clears it. */
  phone: z.string().trim().max(40, { error: 'must be at most 40 characters' }).nullable().optional(),
});
export type UpdateAgentInput = z.infer<typeof zUpdateAgentInput>;

export const zSetAgentSkillsInput = z.object({
  id: zUserId,
  skills: z.array(z.object({ skillId: zSkillId, level: zSkillLevel })).max(100),
});

export const zSetAvailabilityInput = z.object({
  /** Whose availability; omitted: your own. Only managers and admins set someone else's. */
  id: zUserId.optional(),
  availability: z.enum(AVAILABILITIES),
});

export const zSkill = z.object({ id: z.number().int(), name: z.string(), agentCount: z.number().int() });
export type Skill = z.infer<typeof zSkill>;
export const zSaveSkillInput = z.object({ id: zSkillId.optional(), name: z.string().trim().min(1, { error: 'is required' }).max(80) });

export const zTeam = z.object({
  id: z.number().int(),
  name: z.string(),
  routingStrategy: z.enum(ROUTING_STRATEGIES),
  isDefault: z.boolean(),
  members: z.array(z.object({ id: z.number().int(), name: z.string(), availability: z.enum(AVAILABILITIES) })),
  /** Tickets of this team nobody is assigned to yet. */
  waiting: z.number().int(),
});
export type Team = z.infer<typeof zTeam>;
export const zSaveTeamInput = z.object({
  id: zTeamId.optional(),
  name: z.string().trim().min(1, { error: 'is required' }).max(80),
  routingStrategy: z.enum(ROUTING_STRATEGIES).default('manual'),
  /** The team of tickets whose category and issue type name none. */
  isDefault: z.boolean().default(false),
  memberIds: z.array(zUserId).max(500).optional(),
});
export type SaveTeamInput = z.infer<typeof zSaveTeamInput>;

export const zRoutingRule = z.object({
  kind: z.enum(['category', 'issue_type']),
  id: z.number().int(),
  name: z.string(),
  teamId: z.number().int().nullable(),
  skillId: z.number().int().nullable(),
});
export type RoutingRule = z.infer<typeof zRoutingRule>;
export const zSetRoutingRuleInput = z.object({
  kind: z.enum(['category', 'issue_type']),
  id: z.coerce.number().int().positive(),
  teamId: zTeamId.nullable(),
  skillId: zSkillId.nullable(),
});

export const zInviteInput = z.object({
  email: zEmail,
  name: z.string().trim().min(1, { error: 'is required' }).max(120),
  role: z.enum(STAFF_ROLES).default('agent'),
});
export const zInvitation = z.object({ id: z.number().int(), userId: z.number().int(), email: z.string(), expiresAt: z.string() });
export type Invitation = z.infer<typeof zInvitation>;
export const zAcceptInvitationInput = z.object({
  token: z.string().trim().min(1, { error: 'is required' }).max(500),
  name: z.string().trim().min(1, { error: 'is required' }).max(120),
  password: z.string().min(10, { error: 'must be at least 10 characters' }).max(200),
});
