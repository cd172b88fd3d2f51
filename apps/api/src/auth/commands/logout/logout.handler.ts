import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TokenService } from '../../token.service.js';
import { LogoutCommand } from './logout.command.js';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, { ok: true }> {
  constructor(private readonly tokens: TokenService) {}

  async execute({ token }: LogoutCommand): Promise<{ ok: true }> {
    await this.tokens.revoke(token);
    return { ok: true };
  }
}
