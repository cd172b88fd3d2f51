import { z } from 'zod';
import { zCompanyId } from './company.schema.js';
import { zLiveEventId } from './live.schema.js';

/** Live chat (the website widget): a chat is a ticket on the `chat` channel plus its session state. */

export const CHAT_STATES = ['waiting', 'active', 'ended'] as const;
export type ChatState = (typeof CHAT_STATES)[number];
export const CHAT_END_REASONS = ['agent', 'visitor', 'abandoned', 'no_agent'] as const;
export type ChatEndReason = (typeof CHAT_END_REASONS)[number];

export const zChatId = z.coerce.number({ error: 'must be a chat id' }).int().positive();

/** A chat as agents see it in the workspace's Chats page. */
export const zChatSummary = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  subject: z.string(),
  companyId: z.number().int(),
  visitorName: z.string(),
  visitorEmail: z.string().nullable(),
  identified: z.boolean(),
  state: z.enum(CHAT_STATES),
  endReason: z.enum(CHAT_END_REASONS).nullable(),
  /** Who the chat is offered to (the ticket's assignee) until someone accepts it. */
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Who accepted it. */
  agent: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** 1-based place among the chats nobody is offered yet; null once offered or accepted. */
  place: z.number().int().nullable(),
  /** Waiting again after someone had accepted it: transferred to another agent or team. */
  transferred: z.boolean(),
  pageUrl: z.string().nullable(),
  lastVisitorAt: z.string(),
  createdAt: z.string(),
});
export type ChatSummary = z.infer<typeof zChatSummary>;

export const zChatListInput = z
  .object({ state: z.enum(['open', 'ended']).default('open') })
  .optional();
export const zChatIdInput = z.object({ chatId: zChatId });
export const zChatTransferInput = z
  .object({
    chatId: zChatId,
    agentId: z.coerce.number().int().positive().optional(),
    teamId: z.coerce.number().int().positive().optional(),
  })
  .refine((v) => v.agentId !== undefined || v.teamId !== undefined, { error: 'name an agent or a team', path: ['agentId'] });
export const zChatReplyInput = z.object({
  chatId: zChatId,
  body: z.string().trim().min(1, { error: 'is required' }).max(10_000),
});

/** Canned replies usable in chat (per workspace, managed by managers). */
export const zCannedReply = z.object({ id: z.number().int(), title: z.string(), body: z.string() });
export type CannedReply = z.infer<typeof zCannedReply>;

/** A company's widget settings (admins). The secret signs identified visitors' user ids (HMAC-SHA256, hex). */
export const zChatSettings = z.object({
  companyId: z.number().int(),
  enabled: z.boolean(),
  /** Shown once after rotating, and to admins; null when none is set (identified visitors are refused). */
  secret: z.string().nullable(),
  inviteAfterSeconds: z.number().int().nullable(),
  inviteUrlPattern: z.string().nullable(),
  inviteMessage: z.string().nullable(),
  /** New chats get this category, so its routing rule (team) routes them; null: the default team. */
  categoryId: z.number().int().nullable(),
  /** Where host pages load the widget from (the API's public URL + /widget.js). */
  widgetUrl: z.string(),
});
export type ChatSettings = z.infer<typeof zChatSettings>;

export const zSaveChatSettingsInput = z.object({
  companyId: zCompanyId,
  enabled: z.boolean(),
  rotateSecret: z.boolean().optional(),
  inviteAfterSeconds: z.coerce.number().int().min(0).max(86_400).nullable().optional(),
  /** A simple glob on the page URL: `*` matches anything (e.g. `*\/pricing*`). */
  inviteUrlPattern: z.string().trim().max(255).nullable().optional(),
  inviteMessage: z.string().trim().max(255).nullable().optional(),
  categoryId: z.coerce.number().int().positive().nullable().optional(),
});
export type SaveChatSettingsInput = z.infer<typeof zSaveChatSettingsInput>;

// ---- The visitor API (public, used by widget.js) ----

/** Starts a chat with the visitor's first message. `userId` + `signature` identify a visitor the host site knows. */
export const zStartChatInput = z.object({
  company: zCompanyId,
  message: z.string().trim().min(1, { error: 'is required' }).max(10_000),
  clientId: z.string().trim().min(1).max(64).optional(),
  name: z.string().trim().max(120).optional(),
  email: z.email({ error: 'must be an email address' }).max(190).optional(),
  userId: z.string().trim().min(1).max(190).optional(),
  signature: z.string().trim().max(200).optional(),
  pageUrl: z.string().trim().max(1000).optional(),
});
export type StartChatInput = z.infer<typeof zStartChatInput>;

export const zVisitorMessageInput = z.object({
  body: z.string().trim().min(1, { error: 'is required' }).max(10_000),
  /** The widget's id for the message: a repeated post with the same id stores it once. */
  clientId: z.string().trim().min(1).max(64).optional(),
});
export const zVisitorContactInput = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(120),
  email: z.email({ error: 'must be an email address' }).max(190),
});

export const zVisitorChatMessage = z.object({
  id: z.number().int(),
  from: z.enum(['visitor', 'agent']),
  author: z.string(),
  body: z.string(),
  at: z.string(),
});
export type VisitorChatMessage = z.infer<typeof zVisitorChatMessage>;

export interface VisitorChatView {
  chatId: number;
  ticketId: number;
  state: ChatState;
  endReason: ChatEndReason | null;
  /** Place in the chat queue while nobody is offered the chat. */
  place: number | null;
  agentName: string | null;
  /** Whether the visitor has given an email address (asked when the chat becomes a ticket). */
  hasEmail: boolean;
  messages: VisitorChatMessage[];
}

export interface WidgetConfig {
  company: number;
  enabled: boolean;
  brandName: string | null;
  primaryColor: string;
  accentColor: string;
  invitation: { afterSeconds: number; urlPattern: string | null; message: string } | null;
}

export const zSaveCannedReplyInput = z.object({
  title: z.string().trim().min(1, { error: 'is required' }).max(120),
  body: z.string().trim().min(1, { error: 'is required' }).max(5000),
});

/** live.chats: resumes after lastEventId like the other live subscriptions. */
export const zLiveChatsInput = z.object({ lastEventId: zLiveEventId.nullish() }).optional();

/**
 * One agent's chats, as live.chats yields them (at once, then after every change): the queue nobody
 * is offered yet (with places), the chats offered to this agent, those transferred to them, and
 * those they are in. A chat someone else accepted or was offered is in none of them.
 */
export const zLiveChatList = z.object({
  queue: z.array(zChatSummary),
  offered: z.array(zChatSummary),
  transferred: z.array(zChatSummary),
  mine: z.array(zChatSummary),
  /** The chat whose change caused this list; null for the first list of a subscription. */
  changedChatId: z.number().int().nullable(),
});
export type LiveChatList = z.infer<typeof zLiveChatList>;

/** Sorts the open chats (chat.list) into one agent's view: the same rule for the live list and a page's first load. */
export function agentChatList(open: readonly ChatSummary[], userId: number, changedChatId: number | null = null): LiveChatList {
  const waitingForMe = (c: ChatSummary) => c.state === 'waiting' && c.assignee?.id === userId;
  return {
    queue: open.filter((c) => c.state === 'waiting' && c.place !== null),
    offered: open.filter((c) => waitingForMe(c) && !c.transferred),
    transferred: open.filter((c) => waitingForMe(c) && c.transferred),
    mine: open.filter((c) => c.state === 'active' && c.agent?.id === userId),
    changedChatId,
  };
}
