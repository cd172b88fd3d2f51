import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../common/actor.js';

export class MoveCustomerCommand extends Command<{ userId: number; companyId: number | null; ticketsMoved: number }> {
  constructor(
    readonly actor: Actor,
    readonly userId: number,
    readonly companyId: number | null,
  ) {
    super();
  }
}
