import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../common/actor.js';

export class RemoveMemberCommand extends Command<{ userId: number; companyId: null; ticketsMoved: number }> {
  constructor(
    readonly actor: Actor,
    readonly userId: number,
  ) {
    super();
  }
}
