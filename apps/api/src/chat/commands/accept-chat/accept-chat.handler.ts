import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { UpdateTicketCommand } from '../../../tickets/commands/update-ticket/update-ticket.command.js';
import { ChatAccess } from '../../chat-access.js';
import { ChatErrors } from '../../chat.errors.js';
import { ChatLive } from '../../chat-live.js';
import { ChatSessionRepository } from '../../chat-session.repository.js';
import { ChatSummaryRepository } from '../../chat-summary.repository.js';
import { AcceptChatCommand } from './accept-chat.command.js';

@CommandHandler(AcceptChatCommand)
export class AcceptChatHandler implements ICommandHandler<AcceptChatCommand, ChatSummary> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly chats: ChatSessionRepository,
    private readonly summaries: ChatSummaryRepository,
    private readonly access: ChatAccess,
    private readonly audit: AuditRepository,
    private readonly commands: CommandBus,
    private readonly live: ChatLive,
  ) {}

  async execute({ actor, chatId }: AcceptChatCommand): Promise<ChatSummary> {
    await this.access.load(actor, chatId, 'update');
    const chat = await this.sequelize.transaction(async (transaction) => {
      const locked = (await this.chats.byId(chatId, transaction))!;
      if (locked.state === 'ended') throw ChatErrors.ended(chatId);
      if (locked.state === 'active' && locked.agentId && locked.agentId !== actor.user.id) {
        const [facts] = [...(await this.summaries.facts([locked])).values()];
        throw ChatErrors.takenByOther(facts?.agentName ?? 'another agent');
      }
      await this.chats.update(chatId, { state: 'active', agentId: actor.user.id, acceptedAt: locked.acceptedAt ?? new Date() }, transaction);
      await this.audit.record(actor, { action: 'chat.accepted', subjectType: 'ChatSession', subjectId: chatId, after: { agentId: actor.user.id } }, transaction);
      return locked;
    });
    // The ticket is the accepting agent's (through the tickets module, so it is audited and published).
    const [facts] = [...(await this.summaries.facts([chat])).values()];
    if (facts?.assigneeId !== actor.user.id) await this.commands.execute(new UpdateTicketCommand(actor, chat.ticketId, { assigneeId: actor.user.id }));
    await this.live.changed(chatId);
    return this.access.summary(actor, chatId);
  }
}
