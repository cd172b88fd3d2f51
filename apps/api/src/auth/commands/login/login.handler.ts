import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';
import { verifyPassword } from '@switchboard/passwords';
import { toAuthUser, toUser } from '../../../users/user.mapper.js';
import { UserRepository } from '../../../users/user.repository.js';
import { AuthErrors } from '../../auth.errors.js';
import { TokenService } from '../../token.service.js';
import { LoginCommand } from './login.command.js';

/** A well-formed hash of a random password: unknown emails cost as much time as known ones. */
const DECOY_HASH = 'scrypt$16384$8$1$c3dpdGNoYm9hcmQtZGVjb3k$JwRFW49XfsRr4-biORxvI2EeZbBzQZW9uRuMfuEmVLM';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, AuthResult> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
  ) {}

  async execute({ email, password, client }: LoginCommand): Promise<AuthResult> {
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !ok) throw AuthErrors.invalidCredentials();
    if (user.status !== 'active') throw AuthErrors.suspended();
    const token = await this.tokens.issue(user.id, client);
    return { token, user: toUser(toAuthUser(user)) };
  }
}
