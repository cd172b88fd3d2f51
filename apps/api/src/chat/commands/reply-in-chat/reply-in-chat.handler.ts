import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TimelineEntry } from '@switchboard/contracts';
import { AddTicketEntryCommand } from '../../../tickets/commands/add-ticket-entry/add-ticket-entry.command.js';
import { ChatAccess } from '../../chat-access.js';
import { ChatErrors } from '../../chat.errors.js';
import { AcceptChatCommand } from '../accept-chat/accept-chat.command.js';
import { ReplyInChatCommand } from './reply-in-chat.command.js';

@CommandHandler(ReplyInChatCommand)
export class ReplyInChatHandler implements ICommandHandler<ReplyInChatCommand, TimelineEntry> {
  constructor(
    private readonly access: ChatAccess,
    private readonly commands: CommandBus,
  ) {}

  async execute({ actor, chatId, body }: ReplyInChatCommand): Promise<TimelineEntry> {
    const chat = await this.access.load(actor, chatId, 'update');
    if (chat.state === 'ended') throw ChatErrors.ended(chatId);
    if (chat.state === 'waiting') await this.commands.execute(new AcceptChatCommand(actor, chatId));
    return this.commands.execute(new AddTicketEntryCommand(actor, chat.ticketId, body, false, 'chat'));
  }
}
