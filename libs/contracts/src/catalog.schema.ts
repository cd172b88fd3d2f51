import { z } from 'zod';
import { CUSTOM_FIELD_KINDS, TICKET_STATUSES } from './enums.js';

/** Reference data tickets point at: issue types with their custom fields, categories, teams, tags. */

export const zFieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'must be lower_snake_case, starting with a letter, at most 60 characters' });

export const zCustomField = z.object({
  id: z.number().int(),
  key: zFieldKey,
  label: z.string(),
  kind: z.enum(CUSTOM_FIELD_KINDS),
  required: z.boolean(),
  /** The choices of a single or multi select; empty for other kinds. */
  options: z.array(z.string()),
  /** Shown to customers in the portal (false: staff-only field). */
  customerVisible: z.boolean(),
  position: z.number().int(),
});
export type CustomField = z.infer<typeof zCustomField>;

/** Allowed next statuses per status; null means the default workflow. */
export const zTransitions = z.partialRecord(z.enum(TICKET_STATUSES), z.array(z.enum(TICKET_STATUSES))).nullable();

export const zIssueType = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  transitions: zTransitions,
  fields: z.array(zCustomField),
});
export type IssueType = z.infer<typeof zIssueType>;

export const zCustomFieldInput = z.object({
  key: zFieldKey,
  label: z.string().trim().min(1, { error: 'is required' }).max(120),
  kind: z.enum(CUSTOM_FIELD_KINDS),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(120)).max(100).default([]),
  customerVisible: z.boolean().default(true),
});
export type CustomFieldInput = z.input<typeof zCustomFieldInput>;

export const zSaveIssueTypeInput = z.object({
  /** Absent: create; present: update that type. */
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { error: 'is required' }).max(80),
  description: z.string().trim().max(500).default(''),
  active: z.boolean().default(true),
  transitions: zTransitions.default(null),
  /** The full list of fields; fields not listed are retired (values kept, no longer shown). */
  fields: z.array(zCustomFieldInput).max(50).default([]),
});
export type SaveIssueTypeInput = z.input<typeof zSaveIssueTypeInput>;

export const zNamed = z.object({ id: z.number().int(), name: z.string() });
export type Named = z.infer<typeof zNamed>;

export const zCatalog = z.object({
  issueTypes: z.array(zIssueType),
  categories: z.array(zNamed),
  teams: z.array(zNamed),
  tags: z.array(z.string()),
  agents: z.array(zNamed),
});
export type Catalog = z.infer<typeof zCatalog>;

export const zSaveNamedInput = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { error: 'is required' }).max(80),
});
