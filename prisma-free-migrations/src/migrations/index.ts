import type { Migration } from '../migration.js';
import { migration as peopleAndAuth } from './2026-11-22T0001-people-and-auth.js';
import { migration as ticketsAndTimeline } from './2026-11-22T0002-tickets-and-timeline.js';
import { migration as outbox } from './2026-11-22T0003-outbox.js';
import { migration as ticketModel } from './2026-11-22T0004-ticket-model.js';
import { migration as attachments } from './2026-11-22T0010-attachments.js';
import { migration as queueSortIndexes } from './2026-11-22T0020-queue-sort-indexes.js';
import { migration as entryHtmlAndMentions } from './2026-11-24T0001-entry-html-and-mentions.js';
import { migration as sla } from './2026-12-01T0101-sla.js';
import { migration as satisfactionLinksAuditUa } from './2026-11-29T0001-satisfaction-links-audit-ua.js';
import { migration as accountSecurity } from './2026-12-01T0701-account-security.js';
import { migration as twoFactor } from './2026-12-01T0702-two-factor.js';
import { migration as emailVerification } from './2026-12-01T0703-email-verification.js';
import { migration as peopleAndRouting } from './2026-12-01T0501-people-and-routing.js';
import { migration as twilioMessaging } from './2026-12-01T0401-twilio-messaging.js';
import { migration as twilioSettings } from './2026-12-01T0402-twilio-settings.js';
import { migration as knowledgeBase } from './2026-12-01T0301-knowledge-base.js';
import { migration as userNotifications } from './2026-12-01T0601-user-notifications.js';
import { migration as inboundEmail } from './2026-12-01T0201-inbound-email.js';
import { migration as ticketSlaDueSort } from './2026-12-02T0401-ticket-sla-due-sort.js';
import { migration as kbSearchMissDays } from './2026-12-02T0501-kb-search-miss-days.js';
import { migration as kbArticlesStateLocale } from './2026-12-02T0502-kb-articles-state-locale.js';
import { migration as attachmentContentId } from './2026-12-02T0601-attachment-content-id.js';
import { migration as supportAddresses } from './2026-12-02T0602-support-addresses.js';
import { migration as ticketEntrySourceKey } from './2026-12-02T0701-ticket-entry-source-key.js';
import { migration as callEntries } from './2026-12-02T0702-call-entries.js';
import { migration as agentPhonesCompanyGreetings } from './2026-12-02T0703-agent-phones-company-greetings.js';
import { migration as whatsappTemplates } from './2026-12-02T0704-whatsapp-templates.js';
import { migration as liveChat } from './2026-12-02T0101-live-chat.js';
import { migration as notificationPreferences } from './2026-12-02T0201-notification-preferences.js';
import { migration as ticketReads } from './2026-12-02T0202-ticket-reads.js';
import { migration as customerNotes } from './2026-12-02T0301-customer-notes.js';
import { migration as companyLogo } from './2026-12-02T0302-company-logo.js';
import { migration as twoFactorRecoveryCodes } from './2026-12-02T0303-two-factor-recovery-codes.js';
import { migration as auditActionIndex } from './2026-12-02T0304-audit-action-index.js';
import { migration as twoFactorEnforcement } from './2026-12-02T0305-two-factor-enforcement.js';
import { migration as failedBackgroundWork } from './2026-12-03T0201-failed-background-work.js';
import { migration as ssoGroupMappings } from './2026-12-05T0201-sso-group-mappings.js';
import { migration as oneOutboundMessageShape } from './2026-12-05T0401-one-outbound-message-shape.js';

/** Every migration, in the order they run (the order they landed). A landed migration is never edited: add a new one. */
export const migrations: Migration[] = [
  peopleAndAuth,
  ticketsAndTimeline,
  outbox,
  ticketModel,
  satisfactionLinksAuditUa,
  attachments,
  entryHtmlAndMentions,
  queueSortIndexes,
  accountSecurity,
  twoFactor,
  emailVerification,
  peopleAndRouting,
  sla,
  twilioMessaging,
  twilioSettings,
  knowledgeBase,
  userNotifications,
  inboundEmail,
  ticketSlaDueSort,
  kbSearchMissDays,
  kbArticlesStateLocale,
  attachmentContentId,
  supportAddresses,
  ticketEntrySourceKey,
  callEntries,
  agentPhonesCompanyGreetings,
  whatsappTemplates,
  liveChat,
  notificationPreferences,
  ticketReads,
  customerNotes,
  companyLogo,
  twoFactorRecoveryCodes,
  auditActionIndex,
  twoFactorEnforcement,
  failedBackgroundWork,
  ssoGroupMappings,
  oneOutboundMessageShape,
];
