import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { SecuritySettings } from '@switchboard/contracts';
import type { Actor } from '../../common/actor.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AuthErrors } from '../auth.errors.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { SecretBox } from './secret-box.js';
import { SecuritySettingsRepository } from './security-settings.repository.js';

interface TotpRow {
  totp_secret: string | null;
  totp_enabled_at: Date | null;
}

/** One step either side of now: a phone clock 30 s off still works. */
const TOLERANCE_SECONDS = 30;

/**
 * TOTP (RFC 6238) second factor for staff, with otplib. Setup stores an encrypted seed that only
 * becomes active when the first code is confirmed; each accepted code's time step is remembered,
 * so a code seen over a shoulder cannot be replayed within its window.
 */
@Injectable()
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditRepository,
    private readonly settings: SecuritySettingsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.signingSecret, 'totp');
  }

  async status(userId: number): Promise<{ enabled: boolean; pending: boolean; recoveryCodesLeft: number }> {
    const [row, [left]] = await Promise.all([
      this.row(userId),
      this.sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM two_factor_recovery_codes WHERE user_id = ? AND used_at IS NULL', { type: QueryTypes.SELECT, replacements: [userId] }),
    ]);
    const enabled = Boolean(row?.totp_enabled_at);
    return { enabled, pending: Boolean(row?.totp_secret && !row.totp_enabled_at), recoveryCodesLeft: enabled ? Number(left?.n ?? 0) : 0 };
  }

  async setup(actor: Actor): Promise<{ secret: string; uri: string }> {
    this.requireStaff(actor);
    if ((await this.status(actor.user.id)).enabled) throw AuthErrors.twoFactorState('Two-factor sign-in is already on; turn it off first to set up a new device');
    const secret = generateSecret();
    await this.sequelize.query('UPDATE users SET totp_secret = ?, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?', {
      replacements: [this.box.seal(secret), actor.user.id],
    });
    return { secret, uri: generateURI({ issuer: 'Switchboard', label: actor.user.email, secret }) };
  }

  /** Confirms setup; returns the recovery codes, shown this once (only their hashes are kept). */
  async enable(actor: Actor, code: string): Promise<string[]> {
    this.requireStaff(actor);
    const row = await this.row(actor.user.id);
    if (!row?.totp_secret || row.totp_enabled_at) throw AuthErrors.twoFactorState('Start the setup first: there is no new authenticator waiting to be confirmed');
    if (!(await this.accept(actor.user.id, row.totp_secret, code))) throw AuthErrors.twoFactorInvalid();
    const codes = newRecoveryCodes();
    await this.sequelize.transaction(async (transaction) => {
      await this.sequelize.query('UPDATE users SET totp_enabled_at = NOW(3) WHERE id = ?', { replacements: [actor.user.id], transaction });
      await this.replaceRecoveryCodes(actor.user.id, codes, transaction);
      await this.audit.record(actor, { action: 'auth.two_factor_enabled', subjectType: 'User', subjectId: actor.user.id }, transaction);
    });
    return codes;
  }

  /** New recovery codes for someone who used or lost theirs: needs a current authenticator code; the old ones stop working. */
  async regenerateRecoveryCodes(actor: Actor, code: string): Promise<string[]> {
    this.requireStaff(actor);
    const row = await this.row(actor.user.id);
    if (!row?.totp_enabled_at || !row.totp_secret) throw AuthErrors.twoFactorState('Two-factor sign-in is not on');
    if (!(await this.accept(actor.user.id, row.totp_secret, code))) throw AuthErrors.twoFactorInvalid();
    const codes = newRecoveryCodes();
    await this.sequelize.transaction(async (transaction) => {
      await this.replaceRecoveryCodes(actor.user.id, codes, transaction);
      await this.audit.record(actor, { action: 'auth.recovery_codes_regenerated', subjectType: 'User', subjectId: actor.user.id }, transaction);
    });
    return codes;
  }

  /**
   * An admin turns off someone's two-factor sign-in (a lost phone and no recovery codes): seed and
   * recovery codes go, and every session of that person is revoked, so whoever holds the old device
   * or a signed-in browser starts again from the password.
   */
  async resetForUser(actor: Actor, userId: number) {
    const row = await this.row(userId);
    if (!row) throw AuthErrors.notFound('user', userId, 'userId');
    await this.sequelize.transaction(async (transaction) => {
      await this.sequelize.query('UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?', { replacements: [userId], transaction });
      await this.sequelize.query('DELETE FROM two_factor_recovery_codes WHERE user_id = ?', { replacements: [userId], transaction });
      await this.sequelize.query('UPDATE auth_tokens SET revoked_at = CURRENT_TIMESTAMP(3) WHERE user_id = ? AND revoked_at IS NULL', { replacements: [userId], transaction });
      await this.audit.record(
        actor,
        { action: 'auth.two_factor_reset', subjectType: 'User', subjectId: userId, before: { enabled: Boolean(row.totp_enabled_at) }, after: { enabled: false, sessionsRevoked: true } },
        transaction,
      );
    });
  }

  async securitySettings(): Promise<SecuritySettings> {
    return this.settings.get();
  }

  /** Which staff roles must use two-factor: applies to the next request of every session of those roles. */
  async saveSecuritySettings(actor: Actor, settings: SecuritySettings): Promise<SecuritySettings> {
    return this.sequelize.transaction(async (transaction) => {
      const before = await this.settings.get(transaction);
      await this.settings.save(settings, actor.user.id, transaction);
      const after = await this.settings.get(transaction);
      await this.audit.record(actor, { action: 'settings.security_updated', subjectType: 'SecuritySettings', subjectId: 1, before, after }, transaction);
      return after;
    });
  }

  private async replaceRecoveryCodes(userId: number, codes: string[], transaction: Transaction) {
    await this.sequelize.query('DELETE FROM two_factor_recovery_codes WHERE user_id = ?', { replacements: [userId], transaction });
    await this.sequelize.query(`INSERT INTO two_factor_recovery_codes (user_id, code_hash) VALUES ${codes.map(() => '(?, ?)').join(', ')}`, {
      replacements: codes.flatMap((c) => [userId, hashRecoveryCode(c)]),
      transaction,
    });
  }

  async disable(actor: Actor, code: string) {
    const row = await this.row(actor.user.id);
    if (!row?.totp_enabled_at || !row.totp_secret) throw AuthErrors.twoFactorState('Two-factor sign-in is not on');
    if (!(await this.accept(actor.user.id, row.totp_secret, code))) throw AuthErrors.twoFactorInvalid();
    await this.sequelize.transaction(async (transaction) => {
      await this.sequelize.query('UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?', {
        replacements: [actor.user.id],
        transaction,
      });
      await this.sequelize.query('DELETE FROM two_factor_recovery_codes WHERE user_id = ?', { replacements: [actor.user.id], transaction });
      await this.audit.record(actor, { action: 'auth.two_factor_disabled', subjectType: 'User', subjectId: actor.user.id }, transaction);
    });
  }

  /**
   * Checks a sign-in code for a user with two-factor on: an authenticator code, or one of their
   * recovery codes, which is used up by an atomic conditional UPDATE (two parallel uses: one wins).
   */
  async verifyForLogin(userId: number, code: string): Promise<'totp' | 'recovery_code' | false> {
    const row = await this.row(userId);
    if (!row?.totp_enabled_at || !row.totp_secret) return false;
    if (looksLikeRecoveryCode(code)) {
      const [, meta] = await this.sequelize.query(
        'UPDATE two_factor_recovery_codes SET used_at = CURRENT_TIMESTAMP(3) WHERE user_id = ? AND code_hash = ? AND used_at IS NULL',
        { replacements: [userId, hashRecoveryCode(code)] },
      );
      return affectedRows(meta) === 1 ? 'recovery_code' : false;
    }
    return (await this.accept(userId, row.totp_secret, code)) ? 'totp' : false;
  }

  /** A valid code whose time step is newer than the last one accepted; records the step atomically. */
  private async accept(userId: number, sealed: string, code: string): Promise<boolean> {
    const secret = this.box.open(sealed);
    if (!secret || !/^\d{6}$/.test(code)) return false;
    const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS });
    if (!result.valid) return false;
    const step = (result as { timeStep?: number }).timeStep;
    if (step === undefined) return false;
    const [, meta] = await this.sequelize.query('UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)', {
      replacements: [step, userId, step],
    });
    return affectedRows(meta) === 1;
  }

  private async row(userId: number): Promise<TotpRow | null> {
    const [row] = await this.sequelize.query<TotpRow>('SELECT totp_secret, totp_enabled_at FROM users WHERE id = ?', {
      type: QueryTypes.SELECT,
      replacements: [userId],
    });
    return row ?? null;
  }

  private requireStaff(actor: Actor) {
    if (actor.ability.cannot('manage', 'TwoFactor')) throw AuthErrors.forbidden('use two-factor sign-in (it is for staff accounts)');
  }
}

function affectedRows(meta: unknown): number {
  const m = meta as { affectedRows?: number } | number;
  return typeof m === 'number' ? m : (m?.affectedRows ?? 0);
}
