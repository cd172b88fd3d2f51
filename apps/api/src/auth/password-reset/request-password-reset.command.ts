import { Command } from '@nestjs/cqrs';
import type { ClientMeta } from '../commands/login/login.command.js';

/** "I forgot my password": always answers ok, whether or not the email has an account. */
export class RequestPasswordResetCommand extends Command<{ ok: true }> {
  constructor(
    readonly email: string,
    readonly client: ClientMeta,
  ) {
    super();
  }
}
