import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AuthResult } from '@switchboard/contracts';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { toAuthUser, toUser } from '../../users/user.mapper.js';
import { UserRepository } from '../../users/user.repository.js';
import { AuthErrors } from '../auth.errors.js';
import { LoginLockout } from '../lockout/login-lockout.js';
import { SignInAudit } from '../sign-in-audit.js';
import { TokenService } from '../token.service.js';
import { verifyChallenge } from './login-challenge.js';
import { TwoFactorService } from './two-factor.service.js';
import { VerifyTwoFactorCommand } from './verify-two-factor.command.js';

/** Wrong codes count towards the same lockout as wrong passwords. */
@CommandHandler(VerifyTwoFactorCommand)
export class VerifyTwoFactorHandler implements ICommandHandler<VerifyTwoFactorCommand, AuthResult> {
  constructor(
    private readonly users: UserRepository,
    private readonly twoFactor: TwoFactorService,
    private readonly tokens: TokenService,
    private readonly lockout: LoginLockout,
    private readonly signIns: SignInAudit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ challenge, code, client }: VerifyTwoFactorCommand): Promise<AuthResult> {
    const userId = verifyChallenge(this.config.signingSecret, challenge);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) throw AuthErrors.challengeInvalid();
    if (user.status !== 'active') throw AuthErrors.suspended();
    const locked = this.lockout.lockedUntil(user);
    if (locked) throw AuthErrors.locked(locked);
    const accepted = await this.twoFactor.verifyForLogin(user.id, code.trim());
    if (!accepted) {
      const lockedNow = await this.lockout.recordFailure(user.id);
      await this.signIns.record(lockedNow ? 'auth.locked' : 'auth.sign_in_failed', user, client, { reason: 'two_factor' });
      if (lockedNow) throw AuthErrors.locked(lockedNow);
      throw AuthErrors.twoFactorInvalid();
    }
    await this.lockout.clear(user.id);
    const token = await this.tokens.issue(user.id, client, { secondFactor: true });
    // A recovery code is worth its own line in the audit trail: the device may be lost.
    await this.signIns.record('auth.signed_in', user, client, accepted === 'recovery_code' ? { twoFactor: true, recoveryCode: true } : { twoFactor: true });
    return { token, user: toUser(toAuthUser(user)) };
  }
}
