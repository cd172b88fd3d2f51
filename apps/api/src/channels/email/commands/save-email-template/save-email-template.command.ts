import { Command } from '@nestjs/cqrs';
import type { EmailTemplate } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

export class SaveEmailTemplateCommand extends Command<EmailTemplate & { custom: boolean }> {
  constructor(
    readonly actor: Actor,
    readonly template: EmailTemplate,
  ) {
    super();
  }
}
