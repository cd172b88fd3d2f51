import { Command } from '@nestjs/cqrs';
import type { ClientMeta } from '../commands/login/login.command.js';

/** Sets a new password with the token from a reset link. */
export class ResetPasswordCommand extends Command<{ ok: true }> {
  constructor(
    readonly token: string,
    readonly password: string,
    readonly client: ClientMeta,
  ) {
    super();
  }
}
