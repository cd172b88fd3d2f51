import { Command } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';
import type { ClientMeta } from '../login/login.command.js';

export class RegisterCommand extends Command<AuthResult> {
  constructor(
    readonly name: string,
    readonly email: string,
    readonly password: string,
    readonly client: ClientMeta,
  ) {
    super();
  }
}
