import { Command } from '@nestjs/cqrs';
import type { CompanyInvitation, InviteMemberInput } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class InviteMemberCommand extends Command<CompanyInvitation> {
  constructor(
    readonly actor: Actor,
    readonly input: InviteMemberInput,
  ) {
    super();
  }
}
