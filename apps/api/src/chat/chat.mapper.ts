import type { ChatSummary } from '@switchboard/contracts';
import type { ChatRow } from './chat-session.repository.js';
import type { ChatFacts } from './chat-summary.repository.js';
import { VISITOR_EMAIL_DOMAIN } from './chat-visitor.repository.js';

/** A chat session and its ticket's facts -> what agents see: the one place that decides what leaves the module. */
export const toChatSummary = (chat: ChatRow, facts: ChatFacts | undefined, place: number | null): ChatSummary => ({
  id: chat.id,
  ticketId: chat.ticketId,
  subject: facts?.subject ?? '',
  companyId: chat.companyId,
  visitorName: chat.visitorName ?? facts?.visitorUserName ?? 'Website visitor',
  visitorEmail: chat.visitorEmail ?? (facts && !facts.visitorUserEmail.endsWith(VISITOR_EMAIL_DOMAIN) ? facts.visitorUserEmail : null),
  identified: chat.identified,
  state: chat.state,
  endReason: chat.endReason,
  assignee: facts?.assigneeId ? { id: facts.assigneeId, name: facts.assigneeName ?? '' } : null,
  agent: chat.agentId ? { id: chat.agentId, name: facts?.agentName ?? '' } : null,
  place,
  transferred: chat.state === 'waiting' && chat.acceptedAt !== null,
  pageUrl: chat.pageUrl,
  lastVisitorAt: chat.lastVisitorAt.toISOString(),
  createdAt: chat.createdAt.toISOString(),
});
