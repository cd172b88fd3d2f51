import type { AbilityBuilder, ForcedSubject, MongoAbility } from '@casl/ability';
import type { Role } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';

export const ACTIONS = ['manage', 'create', 'read', 'update', 'reply', 'comment', 'close', 'reopen', 'publish'] as const;
/** reply = public reply on a ticket; comment = internal note; close/reopen = the requester's own status changes; publish = a KB article in a category. */
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'Ticket',
  'TicketEntry',
  'OutboundMessage',
  'AuditEntry',
  'User',
  'Catalog',
  'SavedView',
  'SatisfactionRating',
  'Attachment',
  'Session',
  'ApiKey',
  'TwoFactor',
  'AgentProfile',
  'Availability',
  'Skill',
  'Team',
  'RoutingRule',
  'Company',
  'Invitation',
  'SlaPolicy',
  'SlaReport',
  'CallbackRequest',
  'PhoneCall',
  'ChannelSettings',
  'KbArticle',
  'KbCategory',
  'KbSearchMiss',
  'UserNotification',
  'InboundEmail',
  'EmailTemplate',
  'SupportAddress',
  'WhatsappTemplate',
  'ChatSession',
  'Person',
  'CustomerProfile',
  'CustomerNote',
  'UserSecurity',
  'FailedWork',
  'SsoGroupMapping',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/** The fields rules may put conditions on; they are model attribute names, so rules translate to SQL. */
export interface TicketFields {
  id: number;
  requesterId: number;
  companyId: number | null;
  assigneeId: number | null;
  status: string;
}
export interface TicketEntryFields {
  ticketId: number;
  visibility: 'public' | 'internal';
  kind: string;
}

export interface SavedViewFields {
  ownerId: number;
  shared: boolean;
}

export interface SatisfactionRatingFields {
  ticketId: number;
  customerId: number;
}

export interface AttachmentFields {
  uploaderId: number | null;
  ticketId: number | null;
  visibility: 'public' | 'internal' | null;
}

export interface OutboundMessageFields {
  sensitive: boolean;
}

/** A sign-in session (an auth token) or an API key, both owned by one user. */
export interface OwnedFields {
  userId: number;
}
/** A user as a subject (company admins manage their company's customers). */
export interface UserFields {
  id: number;
  companyId: number | null;
  role: string;
}
/**
 * A user as shown to others (a ticket's requester or assignee, a timeline author). Read rules on it
 * name fields: who may see a person's contact data is a field rule (people/person-fields.ts).
 */
export interface PersonFields {
  id: number;
  role: string;
  companyId: number | null;
}
export interface AvailabilityFields {
  userId: number;
}
export interface CompanyFields {
  id: number;
}

export interface KbArticleFields {
  state: 'draft' | 'published' | 'scheduled' | 'archived';
  visibility: 'public' | 'customers' | 'company' | 'internal';
  companyId: number | null;
}
export interface KbCategoryFields {
  publishRole: 'agent' | 'manager';
}

export type AppSubjects =
  | SubjectName
  | 'all'
  | (TicketFields & ForcedSubject<'Ticket'>)
  | (TicketEntryFields & ForcedSubject<'TicketEntry'>)
  | (SavedViewFields & ForcedSubject<'SavedView'>)
  | (SatisfactionRatingFields & ForcedSubject<'SatisfactionRating'>)
  | (AttachmentFields & ForcedSubject<'Attachment'>)
  | (OutboundMessageFields & ForcedSubject<'OutboundMessage'>)
  | (OwnedFields & ForcedSubject<'Session'>)
  | (OwnedFields & ForcedSubject<'ApiKey'>)
  | (UserFields & ForcedSubject<'User'>)
  | (PersonFields & ForcedSubject<'Person'>)
  | (AvailabilityFields & ForcedSubject<'Availability'>)
  | (CompanyFields & ForcedSubject<'Company'>)
  | (KbArticleFields & ForcedSubject<'KbArticle'>)
  | (KbCategoryFields & ForcedSubject<'KbCategory'>);

export type AppAbility = MongoAbility<[Action, AppSubjects]>;

/** The rules one domain contributes, per role. A missing role is a type error, an unknown one a runtime error. */
export type AbilityContribution = Record<Role, (user: AuthUser, builder: AbilityBuilder<AppAbility>) => void>;
