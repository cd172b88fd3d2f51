import { Command } from '@nestjs/cqrs';
import type { Invitation } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class InviteStaffCommand extends Command<Invitation> {
  constructor(
    readonly actor: Actor,
    readonly input: { email: string; name: string; role: 'agent' | 'manager' | 'admin' },
  ) {
    super();
  }
}
