import { Command } from '@nestjs/cqrs';
import type { CannedReply } from '@switchboard/contracts';

export class SaveCannedReplyCommand extends Command<CannedReply> {
  constructor(
    readonly title: string,
    readonly body: string,
  ) {
    super();
  }
}
