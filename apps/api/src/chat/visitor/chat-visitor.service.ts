import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { StartChatInput, TimelineEntry, VisitorChatView, WidgetConfig } from '@switchboard/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { defineAbilityFor } from '../../access/ability.factory.js';
import type { Actor } from '../../common/actor.js';
import { AddTicketEntryCommand } from '../../tickets/commands/add-ticket-entry/add-ticket-entry.command.js';
import { CreateTicketCommand } from '../../tickets/commands/create-ticket/create-ticket.command.js';
import { GetTimelineQuery } from '../../tickets/queries/get-timeline/get-timeline.query.js';
import { toAuthUser } from '../../users/user.mapper.js';
import { UserRepository } from '../../users/user.repository.js';
import { ChatEnding } from '../chat-ending.js';
import { ChatLive } from '../chat-live.js';
import { ChatErrors } from '../chat.errors.js';
import { ChatCompanyRepository } from '../chat-company.repository.js';
import { ChatMessageIdRepository } from '../chat-message-id.repository.js';
import { ChatSessionRepository, type ChatRow } from '../chat-session.repository.js';
import { ChatSummaryRepository } from '../chat-summary.repository.js';
import { ChatVisitorRepository, VISITOR_EMAIL_DOMAIN } from '../chat-visitor.repository.js';
import { verifyVisitorSignature } from '../visitor-signature.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const DEFAULT_PRIMARY = '#2563eb';
const DEFAULT_ACCENT = '#f59e0b';

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The visitor's side of a chat, behind the widget's public API. A visitor is a customer user of the
 * widget's company (anonymous: a placeholder address until they give theirs; identified: one user per
 * host-site user id, proven by the HMAC signature). Their messages go through the tickets module's
 * commands as that user, so the conversation is the ticket's timeline like any other channel.
 */
@Injectable()
export class ChatVisitorService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly chats: ChatSessionRepository,
    private readonly messageIds: ChatMessageIdRepository,
    private readonly companies: ChatCompanyRepository,
    private readonly summaries: ChatSummaryRepository,
    private readonly visitors: ChatVisitorRepository,
    private readonly users: UserRepository,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly ending: ChatEnding,
    private readonly live: ChatLive,
  ) {}

  async widgetConfig(companyId: number): Promise<WidgetConfig> {
    const company = await this.companies.company(companyId);
    if (!company) throw ChatErrors.companyNotFound(companyId);
    return {
      company: company.id,
      enabled: company.chatEnabled,
      brandName: company.brandName ?? company.name,
      primaryColor: company.brandPrimaryColor ?? DEFAULT_PRIMARY,
      accentColor: company.brandAccentColor ?? DEFAULT_ACCENT,
      invitation:
        company.chatEnabled && company.inviteAfterSeconds != null
          ? { afterSeconds: company.inviteAfterSeconds, urlPattern: company.inviteUrlPattern, message: company.inviteMessage ?? 'Questions? We are here to help.' }
          : null,
    };
  }

  /** Opens a chat with the visitor's first message: a new `chat` ticket, routed like any new ticket. */
  async start(input: StartChatInput, request: RequestInfo): Promise<{ chatId: number; token: string; view: VisitorChatView }> {
    const company = await this.companies.company(input.company);
    if (!company) throw ChatErrors.companyNotFound(input.company);
    if (!company.chatEnabled) throw ChatErrors.disabled(input.company);
    if (input.signature && !input.userId) throw ChatErrors.signatureRequired();
    let externalId: string | null = null;
    if (input.userId) {
      if (!input.signature) throw ChatErrors.signatureRequired();
      if (!company.chatSecret) throw ChatErrors.noSecret();
      if (!verifyVisitorSignature(company.chatSecret, input.userId, input.signature)) throw ChatErrors.badSignature();
      externalId = input.userId;
    }
    if (input.clientId) {
      const repeated = await this.chats.byStartClientId(company.id, input.clientId);
      if (repeated) return this.reissue(repeated.id);
    }
    const userId = await this.visitorUser(company.id, externalId, input.name, input.email);
    const actor = await this.actorFor(userId, request);
    const name = input.name || actor.user.name;
    const ticket = await this.commands.execute(
      new CreateTicketCommand(actor, { subject: `Chat with ${name}`.slice(0, 200), description: input.message, urgency: 'medium', importance: 'medium', categoryId: company.categoryId }, 'chat'),
    );
    const token = randomBytes(24).toString('base64url');
    let chatId: number;
    try {
      chatId = await this.chats.create({
        companyId: company.id,
        ticketId: ticket.id,
        visitorId: userId,
        tokenHash: hashToken(token),
        identified: externalId !== null,
        visitorName: input.name ?? (externalId ? actor.user.name : null),
        visitorEmail: input.email?.toLowerCase() ?? (actor.user.email.endsWith(VISITOR_EMAIL_DOMAIN) ? null : actor.user.email),
        pageUrl: input.pageUrl ?? null,
        startClientId: input.clientId ?? null,
      });
    } catch (error) {
      // The same start twice at the same moment: the other one opened the chat (this call's ticket
      // stays behind as an ordinary chat ticket with the same first message).
      const other = input.clientId && error instanceof UniqueConstraintError ? await this.chats.byStartClientId(company.id, input.clientId) : null;
      if (other) return this.reissue(other.id);
      throw error;
    }
    if (input.clientId) {
      await this.messageIds.claimClientId(chatId, input.clientId);
      const [first] = (await this.timeline(actor, ticket.id)).filter((e) => e.kind === 'message');
      if (first) await this.messageIds.recordClientId(chatId, input.clientId, first.id);
    }
    // The ticket's own events came before the chat existed: the agents' lists hear of the new chat now.
    await this.live.listChanged({ id: chatId, ticketId: ticket.id, companyId: company.id });
    return { chatId, token, view: await this.view(chatId, token) };
  }

  private async reissue(chatId: number) {
    const token = randomBytes(24).toString('base64url');
    await this.chats.replaceToken(chatId, hashToken(token));
    return { chatId, token, view: await this.view(chatId, token) };
  }

  /** The chat as the widget shows it: state, queue place, and the public messages. */
  async view(chatId: number, token: string | undefined): Promise<VisitorChatView> {
    const chat = await this.authenticate(chatId, token);
    // A widget that reads the chat (polling fallback) is a visitor still on the page.
    await this.chats.stillThere(chat.id, new Date());
    const actor = await this.actorFor(chat.visitorId, { ip: null, userAgent: null });
    const [entries, place, facts] = await Promise.all([this.timeline(actor, chat.ticketId), this.summaries.placeInQueue(chat), this.summaries.facts([chat])]);
    const fact = facts.get(chat.id);
    return {
      chatId: chat.id,
      ticketId: chat.ticketId,
      state: chat.state,
      endReason: chat.endReason,
      place,
      agentName: fact?.agentName ?? fact?.assigneeName ?? null,
      hasEmail: Boolean(chat.visitorEmail),
      messages: entries
        .filter((e) => e.kind === 'message' || e.kind === 'reply')
        .map((e) => ({
          id: e.id,
          from: e.kind === 'message' ? ('visitor' as const) : ('agent' as const),
          author: e.author?.name ?? 'Support',
          body: e.body,
          at: e.createdAt,
        })),
    };
  }

  /** A visitor message; with a client id, posting it again stores it once (and answers the same). */
  async post(chatId: number, token: string | undefined, body: string, clientId: string | undefined, request: RequestInfo): Promise<{ id: number; duplicate: boolean }> {
    const chat = await this.authenticate(chatId, token);
    if (chat.state === 'ended') throw ChatErrors.ended(chatId);
    if (clientId) {
      const existing = await this.messageIds.claimClientId(chatId, clientId);
      if (existing !== null) return { id: existing, duplicate: true };
    }
    try {
      const actor = await this.actorFor(chat.visitorId, request);
      const entry = await this.commands.execute(new AddTicketEntryCommand(actor, chat.ticketId, body, false, 'chat'));
      if (clientId) await this.messageIds.recordClientId(chatId, clientId, entry.id);
      await this.chats.touchVisitor(chatId, new Date());
      return { id: entry.id, duplicate: false };
    } catch (error) {
      if (clientId) await this.messageIds.releaseClientId(chatId, clientId);
      throw error;
    }
  }

  /** Name and email, asked when the chat becomes a ticket (nobody answered): where the follow-up goes. */
  async contact(chatId: number, token: string | undefined, name: string, email: string) {
    const chat = await this.authenticate(chatId, token);
    const address = email.toLowerCase();
    await this.chats.update(chatId, { visitorName: name, visitorEmail: address });
    if (!chat.identified) await this.visitors.nameVisitor(chat.visitorId, name, address);
    await this.ending.followUpIfDue(chatId);
  }

  /** The widget's event stream is open: the visitor has not abandoned the chat. */
  async present(chatId: number) {
    await this.chats.stillThere(chatId, new Date());
  }

  async leave(chatId: number, token: string | undefined) {
    await this.authenticate(chatId, token);
    await this.ending.end(chatId, 'visitor');
  }

  async authenticate(chatId: number, token: string | undefined): Promise<ChatRow> {
    if (!token) throw ChatErrors.badToken();
    const chat = await this.chats.byToken(chatId, hashToken(token));
    if (!chat) throw ChatErrors.badToken();
    return chat;
  }

  private async timeline(actor: Actor, ticketId: number): Promise<TimelineEntry[]> {
    const page = await this.queries.execute(new GetTimelineQuery(actor, ticketId, { limit: 200, kinds: ['message', 'reply'] }));
    return page.entries;
  }

  private async actorFor(userId: number, request: RequestInfo): Promise<Actor> {
    const user = await this.users.findById(userId);
    if (!user) throw ChatErrors.badToken();
    const auth = toAuthUser(user);
    return { user: auth, ability: defineAbilityFor(auth), ip: request.ip, userAgent: request.userAgent ?? 'chat-widget' };
  }

  /** The customer user behind a visitor: one per identified host-site user, a new one per anonymous chat. */
  private async visitorUser(companyId: number, externalId: string | null, name?: string, email?: string): Promise<number> {
    if (externalId) {
      const known = await this.visitors.visitorUserId(companyId, externalId);
      if (known) return known;
    }
    const free = email && !(await this.users.findByEmail(email.toLowerCase()));
    const address = free ? email!.toLowerCase() : `visitor-${randomBytes(9).toString('hex')}${VISITOR_EMAIL_DOMAIN}`;
    const display = (name || (externalId ? `Visitor ${externalId}` : 'Website visitor')).slice(0, 120);
    try {
      return await this.sequelize.transaction(async (transaction) => {
        const user = await this.users.create({ email: address, name: display, passwordHash: null, role: 'customer', companyId }, transaction);
        if (externalId) await this.visitors.rememberVisitor(companyId, externalId, user.id, transaction);
        return user.id;
      });
    } catch (error) {
      // The same identified visitor opened two chats at once: the other call created them.
      if (externalId && error instanceof UniqueConstraintError) {
        const known = await this.visitors.visitorUserId(companyId, externalId);
        if (known) return known;
      }
      throw error;
    }
  }
}
