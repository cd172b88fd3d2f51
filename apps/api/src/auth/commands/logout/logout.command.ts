import { Command } from '@nestjs/cqrs';

export class LogoutCommand extends Command<{ ok: true }> {
  constructor(readonly token: string) {
    super();
  }
}
