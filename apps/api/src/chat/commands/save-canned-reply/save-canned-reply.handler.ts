import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CannedReply } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { ChatErrors } from '../../chat.errors.js';
import { ChatRepository } from '../../chat.repository.js';
import { SaveCannedReplyCommand } from './save-canned-reply.command.js';

@CommandHandler(SaveCannedReplyCommand)
export class SaveCannedReplyHandler implements ICommandHandler<SaveCannedReplyCommand, CannedReply> {
  constructor(private readonly chats: ChatRepository) {}

  async execute({ title, body }: SaveCannedReplyCommand): Promise<CannedReply> {
    try {
      return { id: await this.chats.addCannedReply(title, body), title, body };
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw ChatErrors.titleTaken();
      throw error;
    }
  }
}
