import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../common/actor.js';

/** Whether a company's customers see the expected response time in the portal. */
export class SetCompanyDisplayCommand extends Command<{ companyId: number; show: boolean }> {
  constructor(
    readonly actor: Actor,
    readonly companyId: number,
    readonly show: boolean,
  ) {
    super();
  }
}
