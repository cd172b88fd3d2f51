import { Inject, Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';

/**
 * Locks an account after LOGIN_MAX_FAILURES wrong passwords in a row, for LOGIN_LOCK_MINUTES.
 * The count is on the user row, updated under a row lock, so parallel guesses cannot slip past the
 * limit; a successful sign-in or a password reset clears it.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly sequelize: Sequelize,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** When the account is locked now, until when; else null. */
  lockedUntil(user: { lockedUntil?: Date | null }, now = new Date()): Date | null {
    return user.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null;
  }

  /**
   * Counts a failure; returns the lock's end when this failure locked the account. The row is locked
   * for the read-modify-write, so parallel failures are counted one after the other.
   */
  async recordFailure(userId: number, now = new Date()): Promise<Date | null> {
    return this.sequelize.transaction(async (transaction) => {
      const [row] = await this.sequelize.query<{ failed_logins: number }>('SELECT failed_logins FROM users WHERE id = ? FOR UPDATE', {
        type: QueryTypes.SELECT,
        replacements: [userId],
        transaction,
      });
      if (!row) return null;
      const failures = Number(row.failed_logins) + 1;
      const locks = failures >= this.config.loginMaxFailures;
      const until = new Date(now.getTime() + this.config.loginLockMinutes * 60_000);
      await this.sequelize.query(
        locks ? 'UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?' : 'UPDATE users SET failed_logins = ? WHERE id = ?',
        { replacements: [locks ? until : failures, userId], transaction },
      );
      return locks ? until : null;
    });
  }

  async clear(userId: number) {
    await this.sequelize.query(
      'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :userId AND (failed_logins <> 0 OR locked_until IS NOT NULL)',
      { replacements: { userId } },
    );
  }
}
