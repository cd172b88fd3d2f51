import { Inject, Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';

/**
 * Locks an account after LOGIN_MAX_FAILURES wrong passwords in a row, for LOGIN_LOCK_MINUTES.
 * The count is on the user row and moves in one atomic UPDATE, so parallel guesses cannot slip
 * past the limit; a successful sign-in or a password reset clears it.
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

  /** Counts a failure; returns the lock's end when this failure locked the account. */
  async recordFailure(userId: number, now = new Date()): Promise<Date | null> {
    const until = new Date(now.getTime() + this.config.loginLockMinutes * 60_000);
    await this.sequelize.query(
      `UPDATE users
          SET locked_until = IF(failed_logins + 1 >= :max, :until, locked_until),
              failed_logins = IF(failed_logins + 1 >= :max, 0, failed_logins + 1)
        WHERE id = :userId`,
      { replacements: { userId, max: this.config.loginMaxFailures, until } },
    );
    // The failure that reaches the limit sets the lock and restarts the count at zero.
    const [row] = await this.sequelize.query<{ failed_logins: number; locked_until: Date | null }>(
      'SELECT failed_logins, locked_until FROM users WHERE id = :userId',
      { type: QueryTypes.SELECT, replacements: { userId } },
    );
    const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
    return row && Number(row.failed_logins) === 0 && lockedUntil && lockedUntil > now ? lockedUntil : null;
  }

  async clear(userId: number) {
    await this.sequelize.query(
      'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :userId AND (failed_logins <> 0 OR locked_until IS NOT NULL)',
      { replacements: { userId } },
    );
  }
}
