import { Command } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';
import type { ClientMeta } from '../commands/login/login.command.js';

/** The second sign-in step: the challenge from the password step and a code from the authenticator. */
export class VerifyTwoFactorCommand extends Command<AuthResult> {
  constructor(
    readonly challenge: string,
    readonly code: string,
    readonly client: ClientMeta,
  ) {
    super();
  }
}
