import { Command } from '@nestjs/cqrs';
import type { CompanyMember } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class SetCompanyAdminCommand extends Command<CompanyMember> {
  constructor(
    readonly actor: Actor,
    readonly userId: number,
    readonly companyAdmin: boolean,
  ) {
    super();
  }
}
