import { z } from 'zod';
import { zAttachmentIds } from './attachment.schema.js';
import { zNamed } from './catalog.schema.js';
import { CHANNELS, LEVELS, ROLES, TICKET_SORTS, TICKET_STATUSES } from './enums.js';

export const zTicketId = z.coerce.number({ error: 'must be a ticket id' }).int().positive();

export const zPerson = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
});
export type Person = z.infer<typeof zPerson>;

export const zTicket = z.object({
  id: z.number().int(),
  number: z.number().int(),
  subject: z.string(),
  description: z.string(),
  status: z.enum(TICKET_STATUSES),
  urgency: z.enum(LEVELS),
  importance: z.enum(LEVELS),
  priority: z.number().int(),
  channel: z.enum(CHANNELS),
  requester: zPerson,
  assignee: zPerson.nullable(),
  companyId: z.number().int().nullable(),
  issueType: zNamed.nullable(),
  category: zNamed.nullable(),
  team: zNamed.nullable(),
  tags: z.array(z.string()),
  /** Values by field key; only fields the viewer may see. */
  customFields: z.record(z.string(), z.lazy(() => zCustomFieldValue)),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof zTicket>;

/** A custom field value: text/long text/date (YYYY-MM-DD)/single select as string, number, checkbox, multi select. */
export const zCustomFieldValue = z.union([z.string().max(20000), z.number(), z.boolean(), z.array(z.string().max(120)).max(100), z.null()]);
export type CustomFieldValue = z.infer<typeof zCustomFieldValue>;

export const zTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.\-]{0,39}$/u, { error: 'must be 1-40 letters, digits, spaces, _ . -' });

export const zCreateTicketInput = z.object({
  subject: z.string().trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
  description: z.string().trim().min(1, { error: 'is required' }).max(20000),
  urgency: z.enum(LEVELS).default('medium'),
  importance: z.enum(LEVELS).default('medium'),
  issueTypeId: z.number().int().positive().nullable().optional(),
  categoryId: z.number().int().positive().nullable().optional(),
  tags: z.array(zTag).max(20).optional(),
  customFields: z.record(z.string(), zCustomFieldValue).optional(),
  /** Uploads (POST /attachments) to attach to the ticket's first message. */
  attachmentIds: zAttachmentIds,
});
export type CreateTicketInput = z.input<typeof zCreateTicketInput>;

const zIdList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
  z.array(z.coerce.number().int().positive()).max(50),
);
const zDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/**
 * Counting stops here: past it a queue says "1,000+". A sparse filter (a tag on 5% of tickets)
 * must walk cap / density rows to count, so the cap bounds the cost of every first page.
 */
export const TICKET_COUNT_CAP = 1_000;

export const zListTicketsInput = z.object({
  status: z
    .preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.union([z.enum(TICKET_STATUSES), z.array(z.enum(TICKET_STATUSES))]))
    .optional(),
  urgency: z.enum(LEVELS).optional(),
  importance: z.enum(LEVELS).optional(),
  /** An agent id, 'me', or 'none' (unassigned). */
  assignee: z
    .preprocess((v) => v, z.union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()], { error: "must be an agent id, 'me' or 'none'" }))
    .optional(),
  teamId: z.coerce.number().int().positive().optional(),
  issueTypeId: z.coerce.number().int().positive().optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  requesterId: z.coerce.number().int().positive().optional(),
  companyId: z.coerce.number().int().positive().optional(),
  tag: zTag.optional(),
  /** Words in the subject. */
  q: z.string().trim().max(200).optional(),
  createdFrom: zDate.optional(),
  createdTo: zDate.optional(),
  updatedFrom: zDate.optional(),
  updatedTo: zDate.optional(),
  /**
   * Custom field filters: { key: value } (equality; a multi select matches when it holds the value).
   * In a query string: fields=key:value;other_key:value
   */
  fields: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? Object.fromEntries(
              v
                .split(';')
                .filter(Boolean)
                .map((pair) => [pair.slice(0, pair.indexOf(':') < 0 ? pair.length : pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)]),
            )
          : v,
      z.record(zFieldKeyLoose(), z.union([z.string().max(200), z.number(), z.boolean()])),
    )
    .optional(),
  ids: zIdList.optional(),
  /** SLA due filter: 'overdue' (a running target is past due) or 'next_hour' (one falls due within the hour). */
  due: z.enum(['overdue', 'next_hour']).optional(),
  sort: z.enum(TICKET_SORTS).default('created'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  /** Keyset paging: the nextCursor of the previous page. */
  cursor: z.string().max(200).optional(),
  /** Offset paging for simple lists; ignored when cursor is given. */
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
function zFieldKeyLoose() {
  return z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'must name a custom field key' });
}
export type ListTicketsInput = z.input<typeof zListTicketsInput>;

export const zTicketPage = z.object({
  items: z.array(zTicket),
  /**
   * How many tickets match, counted on a first page up to TICKET_COUNT_CAP (then totalCapped is
   * true and total means "at least"); -1 on cursor pages, which skip the count.
   */
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TicketPage = z.infer<typeof zTicketPage>;

export const zGetTicketInput = z.object({ id: zTicketId });

export const zUpdateTicketInput = z.object({
  id: zTicketId,
  status: z.enum(TICKET_STATUSES).optional(),
  urgency: z.enum(LEVELS).optional(),
  importance: z.enum(LEVELS).optional(),
  issueTypeId: z.number().int().positive().nullable().optional(),
  categoryId: z.number().int().positive().nullable().optional(),
  /** An agent's id, or null to unassign. */
  assigneeId: z.number().int().positive().nullable().optional(),
  teamId: z.number().int().positive().nullable().optional(),
  /** The full tag list (replaces the current one). */
  tags: z.array(zTag).max(20).optional(),
  /** Values to set (null clears); fields not named keep their value. */
  customFields: z.record(z.string(), zCustomFieldValue).optional(),
  /** The version the client read; a stale one is a CONFLICT. Optional for integrators who accept last-write-wins. */
  version: z.number().int().optional(),
});
export type UpdateTicketInput = z.input<typeof zUpdateTicketInput>;

/** The same change applied to many tickets, one command per ticket; each outcome is reported. */
export const zBulkUpdateInput = z.object({
  ids: z.array(z.number().int().positive()).min(1, { error: 'select at least one ticket' }).max(200),
  changes: zUpdateTicketInput.omit({ id: true, version: true, customFields: true, tags: true }).extend({
    addTags: z.array(zTag).max(20).optional(),
    removeTags: z.array(zTag).max(20).optional(),
  }),
});
export type BulkUpdateInput = z.input<typeof zBulkUpdateInput>;
export const zBulkUpdateResult = z.object({
  updated: z.array(z.number().int()),
  failed: z.array(z.object({ id: z.number().int(), code: z.string(), message: z.string() })),
});
export type BulkUpdateResult = z.infer<typeof zBulkUpdateResult>;

export const zSavedView = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The list filters, as accepted by tickets.list (without paging). */
  filters: z.record(z.string(), z.unknown()),
  shared: z.boolean(),
  ownerId: z.number().int(),
  ownerName: z.string(),
});
export type SavedView = z.infer<typeof zSavedView>;
export const zSaveViewInput = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, { error: 'is required' }).max(80),
  filters: z.record(z.string(), z.unknown()),
  /** Shared with every staff member (team scoping arrives with teams management). */
  shared: z.boolean().default(false),
});

/** Closing or reopening by the requester (or staff): the ticket id and, optionally, the version read. */
export const zTicketTransitionInput = z.object({ id: zTicketId, version: z.number().int().optional() });
export type TicketTransitionInput = z.input<typeof zTicketTransitionInput>;

/**
 * How two tickets are linked. Stored one way (source -> target): merged (source merged into
 * target), split (target split off source), follow_up (target opened by a reply to source), related.
 */
export const LINK_KINDS = ['related', 'merged', 'split', 'follow_up'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const zTicketLink = z.object({
  kind: z.enum(LINK_KINDS),
  /** outgoing: this ticket is the link's source (merged into / split into / followed up by / related to). */
  direction: z.enum(['outgoing', 'incoming']),
  ticket: z.object({ id: z.number().int(), number: z.number().int(), subject: z.string(), status: z.enum(TICKET_STATUSES) }),
});
export type TicketLink = z.infer<typeof zTicketLink>;
export const zTicketLinks = z.object({ links: z.array(zTicketLink) });

export const zLinkTicketsInput = z.object({ id: zTicketId, otherId: z.number().int().positive() });
export const zMergeTicketsInput = z.object({
  /** The duplicate: its timeline moves to the target and it is closed. */
  id: zTicketId,
  targetId: z.number().int().positive(),
});
export const zSplitTicketInput = z.object({
  id: zTicketId,
  /** The customer message that becomes the first message of a new ticket. */
  entryId: z.number().int().positive(),
  /** Defaults to the message's first line. */
  subject: z.string().trim().min(1).max(200).optional(),
  /** Why (shown to staff next to the split on both timelines). */
  reason: z.string().trim().max(255, { error: 'must be at most 255 characters' }).optional(),
});

/** Move one customer message (e.g. an email threaded onto the wrong ticket) to another existing ticket. */
export const zMoveEntryInput = z.object({
  id: zTicketId,
  entryId: z.number({ error: 'must be an entry id' }).int().positive(),
  targetId: zTicketId,
  reason: z.string().trim().max(255, { error: 'must be at most 255 characters' }).optional(),
});
