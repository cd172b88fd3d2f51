import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  zCannedReply,
  zChatIdInput,
  zChatListInput,
  zChatReplyInput,
  zChatSettings,
  zChatSummary,
  zChatTransferInput,
  zCompanyId,
  zSaveCannedReplyInput,
  zSaveChatSettingsInput,
  zTimelineEntry,
} from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { AcceptChatCommand } from './commands/accept-chat/accept-chat.command.js';
import { EndChatCommand } from './commands/end-chat/end-chat.command.js';
import { ReplyInChatCommand } from './commands/reply-in-chat/reply-in-chat.command.js';
import { SaveCannedReplyCommand } from './commands/save-canned-reply/save-canned-reply.command.js';
import { SaveChatSettingsCommand } from './commands/save-chat-settings/save-chat-settings.command.js';
import { TransferChatCommand } from './commands/transfer-chat/transfer-chat.command.js';
import { GetChatSettingsQuery } from './queries/get-chat-settings/get-chat-settings.query.js';
import { GetChatQuery } from './queries/get-chat/get-chat.query.js';
import { ListCannedRepliesQuery } from './queries/list-canned-replies/list-canned-replies.query.js';
import { ListChatsQuery } from './queries/list-chats/list-chats.query.js';

/** Agents' chat procedures (the visitor's side is the widget API in visitor/chat-visitor.controller.ts). */
@Injectable()
export class ChatRouter {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  build() {
    return router({
      list: requireAbility('read', 'ChatSession')
        .input(zChatListInput)
        .output(z.array(zChatSummary))
        .query(({ ctx, input }) => this.queries.execute(new ListChatsQuery(ctx.actor, input?.state ?? 'open'))),
      get: requireAbility('read', 'ChatSession')
        .input(zChatIdInput)
        .output(zChatSummary)
        .query(({ ctx, input }) => this.queries.execute(new GetChatQuery(ctx.actor, input.chatId))),
      accept: requireAbility('update', 'ChatSession')
        .input(zChatIdInput)
        .output(zChatSummary)
        .mutation(({ ctx, input }) => this.commands.execute(new AcceptChatCommand(ctx.actor, input.chatId))),
      transfer: requireAbility('update', 'ChatSession')
        .input(zChatTransferInput)
        .output(zChatSummary)
        .mutation(({ ctx, input }) => this.commands.execute(new TransferChatCommand(ctx.actor, input.chatId, { agentId: input.agentId, teamId: input.teamId }))),
      reply: requireAbility('update', 'ChatSession')
        .input(zChatReplyInput)
        .output(zTimelineEntry)
        .mutation(({ ctx, input }) => this.commands.execute(new ReplyInChatCommand(ctx.actor, input.chatId, input.body))),
      end: requireAbility('update', 'ChatSession')
        .input(zChatIdInput)
        .output(zChatSummary)
        .mutation(({ ctx, input }) => this.commands.execute(new EndChatCommand(ctx.actor, input.chatId))),
      cannedReplies: requireAbility('read', 'ChatSession')
        .output(z.array(zCannedReply))
        .query(() => this.queries.execute(new ListCannedRepliesQuery())),
      saveCannedReply: requireAbility('manage', 'ChatSession')
        .input(zSaveCannedReplyInput)
        .output(zCannedReply)
        .mutation(({ input }) => this.commands.execute(new SaveCannedReplyCommand(input.title, input.body))),
      settings: requireAbility('update', 'Company')
        .input(z.object({ companyId: zCompanyId }))
        .output(zChatSettings)
        .query(({ input }) => this.queries.execute(new GetChatSettingsQuery(input.companyId))),
      saveSettings: requireAbility('update', 'Company')
        .input(zSaveChatSettingsInput)
        .output(zChatSettings)
        .mutation(({ ctx, input }) => this.commands.execute(new SaveChatSettingsCommand(ctx.actor, input))),
    });
  }
}
