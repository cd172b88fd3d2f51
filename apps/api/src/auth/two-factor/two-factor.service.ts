import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { Actor } from '../../common/actor.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AuthErrors } from '../auth.errors.js';
import { SecretBox } from './secret-box.js';

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
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.box = new SecretBox(config.signingSecret, 'totp');
  }

  async status(userId: number): Promise<{ enabled: boolean; pending: boolean }> {
    const row = await this.row(userId);
    return { enabled: Boolean(row?.totp_enabled_at), pending: Boolean(row?.totp_secret && !row.totp_enabled_at) };
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

  async enable(actor: Actor, code: string) {
    this.requireStaff(actor);
    const row = await this.row(actor.user.id);
    if (!row?.totp_secret || row.totp_enabled_at) throw AuthErrors.twoFactorState('Start the setup first: there is no new authenticator waiting to be confirmed');
    if (!(await this.accept(actor.user.id, row.totp_secret, code))) throw AuthErrors.twoFactorInvalid();
    await this.sequelize.transaction(async (transaction) => {
      await this.sequelize.query('UPDATE users SET totp_enabled_at = NOW(3) WHERE id = ?', { replacements: [actor.user.id], transaction });
      await this.audit.record(actor, { action: 'auth.two_factor_enabled', subjectType: 'User', subjectId: actor.user.id }, transaction);
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
      await this.audit.record(actor, { action: 'auth.two_factor_disabled', subjectType: 'User', subjectId: actor.user.id }, transaction);
    });
  }

  /** Checks a sign-in code for a user with two-factor on. */
  async verifyForLogin(userId: number, code: string): Promise<boolean> {
    const row = await this.row(userId);
    return Boolean(row?.totp_enabled_at && row.totp_secret && (await this.accept(userId, row.totp_secret, code)));
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
