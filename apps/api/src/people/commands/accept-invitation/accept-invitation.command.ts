import { Command } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';

export class AcceptInvitationCommand extends Command<AuthResult> {
  constructor(
    readonly token: string,
    readonly name: string,
    readonly password: string,
    readonly client: { ip: string | null; userAgent: string | null },
  ) {
    super();
  }
}
