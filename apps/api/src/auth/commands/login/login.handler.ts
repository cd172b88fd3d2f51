import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';
import { verifyPassword } from '@switchboard/passwords';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { toAuthUser, toUser } from '../../../users/user.mapper.js';
import { UserRepository } from '../../../users/user.repository.js';
import { AuthErrors } from '../../auth.errors.js';
import { LoginLockout } from '../../lockout/login-lockout.js';
import { SignInAudit } from '../../sign-in-audit.js';
import { TokenService } from '../../token.service.js';
import { signChallenge } from '../../two-factor/login-challenge.js';
import { LoginCommand } from './login.command.js';

/** A well-formed hash of a random password: unknown emails cost as much time as known ones. */
const DECOY_HASH = 'scrypt$16384$8$1$c3dpdGNoYm9hcmQtZGVjb3k$JwRFW49XfsRr4-biORxvI2EeZbBzQZW9uRuMfuEmVLM';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, AuthResult> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly lockout: LoginLockout,
    private readonly signIns: SignInAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ email, password, client }: LoginCommand): Promise<AuthResult> {
    const user = await this.users.findByEmail(email);
    // A locked account is refused before the password is checked: guesses during the lock teach nothing.
    const locked = user ? this.lockout.lockedUntil(user) : null;
    if (user && locked) {
      await this.signIns.record('auth.sign_in_failed', user, client, { reason: 'locked' });
      throw AuthErrors.locked(locked);
    }
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !ok) {
      if (user) {
        const lockedNow = await this.lockout.recordFailure(user.id);
        await this.signIns.record(lockedNow ? 'auth.locked' : 'auth.sign_in_failed', user, client, { reason: 'password' });
        if (lockedNow) throw AuthErrors.locked(lockedNow);
      }
      throw AuthErrors.invalidCredentials();
    }
    if (user.status !== 'active') {
      await this.signIns.record('auth.sign_in_failed', user, client, { reason: `status ${user.status}` });
      throw AuthErrors.suspended();
    }
    // With two-factor on, the right password only earns a short-lived challenge for the code step.
    if (user.totpEnabledAt) throw AuthErrors.twoFactorRequired(signChallenge(this.config.signingSecret, user.id));
    await this.lockout.clear(user.id);
    const token = await this.tokens.issue(user.id, client);
    await this.signIns.record('auth.signed_in', user, client);
    return { token, user: toUser(toAuthUser(user)) };
  }
}
