import { Command } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export class LoginCommand extends Command<AuthResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly client: ClientMeta,
  ) {
    super();
  }
}
