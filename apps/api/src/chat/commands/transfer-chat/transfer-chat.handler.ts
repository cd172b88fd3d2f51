import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ChatSummary } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { UpdateTicketCommand } from '../../../tickets/commands/update-ticket/update-ticket.command.js';
import { ChatAccess } from '../../chat-access.js';
import { ChatErrors } from '../../chat.errors.js';
import { ChatLive } from '../../chat-live.js';
import { ChatDestinationRepository } from '../../chat-destination.repository.js';
import { ChatSessionRepository } from '../../chat-session.repository.js';
import { TransferChatCommand } from './transfer-chat.command.js';

@CommandHandler(TransferChatCommand)
export class TransferChatHandler implements ICommandHandler<TransferChatCommand, ChatSummary> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly destinations: ChatDestinationRepository,
    private readonly chats: ChatSessionRepository,
    private readonly access: ChatAccess,
    private readonly audit: AuditRepository,
    private readonly commands: CommandBus,
    private readonly live: ChatLive,
  ) {}

  async execute({ actor, chatId, to }: TransferChatCommand): Promise<ChatSummary> {
    const chat = await this.access.load(actor, chatId, 'update');
    if (chat.state === 'ended') throw ChatErrors.ended(chatId);
    if (to.agentId !== undefined && !(await this.destinations.staffExists(to.agentId))) throw ChatErrors.notAgent('agentId');
    if (to.teamId !== undefined && !(await this.destinations.teamExists(to.teamId))) throw ChatErrors.notAgent('teamId');
    // Unassigned with a team, the routing saga routes it in that team; with an agent, it is offered to them.
    await this.commands.execute(
      new UpdateTicketCommand(actor, chat.ticketId, { assigneeId: to.agentId ?? null, ...(to.teamId !== undefined ? { teamId: to.teamId } : {}) }),
    );
    await this.sequelize.transaction(async (transaction) => {
      await this.chats.update(chatId, { state: 'waiting', agentId: null }, transaction);
      await this.audit.record(actor, { action: 'chat.transferred', subjectType: 'ChatSession', subjectId: chatId, after: to }, transaction);
    });
    await this.live.changed(chatId);
    return this.access.summary(actor, chatId);
  }
}
