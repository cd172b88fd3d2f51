import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CannedReply } from '@switchboard/contracts';
import { UniqueConstraintError } from 'sequelize';
import { ChatErrors } from '../../chat.errors.js';
import { ChatCannedReplyRepository } from '../../chat-canned-reply.repository.js';
import { SaveCannedReplyCommand } from './save-canned-reply.command.js';

@CommandHandler(SaveCannedReplyCommand)
export class SaveCannedReplyHandler implements ICommandHandler<SaveCannedReplyCommand, CannedReply> {
  constructor(private readonly cannedReplies: ChatCannedReplyRepository) {}

  async execute({ title, body }: SaveCannedReplyCommand): Promise<CannedReply> {
    try {
      return { id: await this.cannedReplies.addCannedReply(title, body), title, body };
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw ChatErrors.titleTaken();
      throw error;
    }
  }
}
