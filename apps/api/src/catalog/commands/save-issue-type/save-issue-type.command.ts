import { Command } from '@nestjs/cqrs';
import type { IssueType, SaveIssueTypeInput } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SaveIssueTypeCommand extends Command<IssueType> {
  constructor(
    readonly actor: Actor,
    readonly input: Required<Omit<SaveIssueTypeInput, 'id'>> & { id?: number },
  ) {
    super();
  }
}
