import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { hashPassword, passwordProblem } from '@switchboard/passwords';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../audit/audit.repository.js';
import { UserRepository } from '../../users/user.repository.js';
import { AuthErrors } from '../auth.errors.js';
import { TokenService } from '../token.service.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { ResetPasswordCommand } from './reset-password.command.js';

/**
 * One transaction: the reset row is locked, the password replaced, the lockout cleared, every
 * session of the user revoked (whoever knew the old password is signed out), the link used up.
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand, { ok: true }> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ token, password, client }: ResetPasswordCommand): Promise<{ ok: true }> {
    const now = new Date();
    const hash = TokenService.hash(token);
    // Checked before hashing the new password, so a bad link answers at once; checked again under lock below.
    const passwordHash = await this.sequelize.transaction(async (transaction) => {
      const reset = await this.resets.findLive(hash, now, transaction);
      if (!reset) throw AuthErrors.resetTokenInvalid();
      const user = await this.users.findById(reset.userId, transaction);
      if (!user) throw AuthErrors.resetTokenInvalid();
      const problem = passwordProblem(password, { email: user.email, name: user.name });
      if (problem) throw AuthErrors.weakPassword(problem);
      return hashPassword(password);
    });
    await this.sequelize.transaction(async (transaction) => {
      const reset = await this.resets.findLive(hash, now, transaction);
      if (!reset) throw AuthErrors.resetTokenInvalid();
      await this.sequelize.query(
        'UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?',
        { replacements: [passwordHash, now, reset.userId], transaction },
      );
      await this.sequelize.query('UPDATE auth_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', {
        replacements: [now, reset.userId],
        transaction,
      });
      await this.resets.useAll(reset.userId, now, transaction);
      await this.audit.record(
        { user: { id: reset.userId } as never, ip: client.ip, userAgent: client.userAgent },
        { action: 'auth.password_reset', subjectType: 'User', subjectId: reset.userId, after: { sessionsRevoked: true } },
        transaction,
      );
    });
    return { ok: true };
  }
}
