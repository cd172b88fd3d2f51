import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { QueryTypes, type Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { Actor } from '../../common/actor.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { UserRepository } from '../../users/user.repository.js';
import { AuthErrors } from '../auth.errors.js';
import { TokenService } from '../token.service.js';

const TTL_MS = 7 * 86_400_000;
const MAX_PER_HOUR = 3;

/**
 * Verifies a self-registered customer's address with a single-use emailed link (random token,
 * stored as SHA-256). A verified address is what lets a customer join the company that claims its
 * domain: an unverified sign-up must not see a company's tickets just by typing an address.
 */
@Injectable()
export class EmailVerifier {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queues the verification mail, in the caller's transaction (the account's creation). */
  async send(user: { id: number; email: string; name: string }, transaction: Transaction) {
    const token = `sbv_${randomBytes(32).toString('base64url')}`;
    await this.sequelize.query('INSERT INTO email_verifications (user_id, token_hash, expires_at) VALUES (?, ?, ?)', {
      replacements: [user.id, TokenService.hash(token), new Date(Date.now() + TTL_MS)],
      transaction,
    });
    await this.outbox.append(
      'auth.verify_email',
      { userId: user.id, email: user.email, name: user.name, verifyUrl: `${this.config.portalUrl}/verify-email?token=${encodeURIComponent(token)}` },
      transaction,
    );
  }

  async resend(actor: Actor) {
    const [row] = await this.sequelize.query<{ verified: Date | null; recent: number }>(
      `SELECT u.email_verified_at AS verified,
              (SELECT COUNT(*) FROM email_verifications v WHERE v.user_id = u.id AND v.created_at > NOW(3) - INTERVAL 1 HOUR) AS recent
         FROM users u WHERE u.id = ?`,
      { type: QueryTypes.SELECT, replacements: [actor.user.id] },
    );
    if (!row || row.verified) throw AuthErrors.alreadyVerified();
    if (Number(row.recent) >= MAX_PER_HOUR) throw AuthErrors.tooManyVerificationMails();
    await this.sequelize.transaction((transaction) => this.send(actor.user, transaction));
  }

  /** Uses the link: marks the address verified and links the customer to the company claiming its domain. */
  async verify(token: string): Promise<{ companyName: string | null }> {
    return this.sequelize.transaction(async (transaction) => {
      const [link] = await this.sequelize.query<{ id: number; user_id: number }>(
        'SELECT id, user_id FROM email_verifications WHERE token_hash = ? AND used_at IS NULL AND expires_at > NOW(3) FOR UPDATE',
        { type: QueryTypes.SELECT, replacements: [TokenService.hash(token)], transaction },
      );
      const user = link ? await this.users.findById(Number(link.user_id), transaction) : null;
      if (!link || !user) throw AuthErrors.verificationInvalid();
      await this.sequelize.query('UPDATE email_verifications SET used_at = NOW(3) WHERE user_id = ? AND used_at IS NULL', {
        replacements: [user.id],
        transaction,
      });
      await this.sequelize.query('UPDATE users SET email_verified_at = COALESCE(email_verified_at, NOW(3)) WHERE id = ?', {
        replacements: [user.id],
        transaction,
      });
      let company = user.companyId ? null : await this.users.findCompanyByEmailDomain(user.email, transaction);
      if (company && user.role === 'customer') {
        await this.sequelize.query('UPDATE users SET company_id = ? WHERE id = ?', { replacements: [company.id, user.id], transaction });
        // Their history follows them: tickets they opened before belong to the company now.
        await this.sequelize.query('UPDATE tickets SET company_id = ? WHERE requester_id = ? AND company_id IS NULL', {
          replacements: [company.id, user.id],
          transaction,
        });
        // The company picks the SLA policy: the worker recomputes those tickets' due times (sla/).
        await this.outbox.append('sla.recompute', { reason: `customer #${user.id} joined company #${company.id}`, requesterId: user.id }, transaction);
      } else {
        company = null;
      }
      await this.audit.record(
        { user: { id: user.id } as never, ip: null },
        { action: 'auth.email_verified', subjectType: 'User', subjectId: user.id, after: { email: user.email, companyId: company?.id ?? user.companyId } },
        transaction,
      );
      return { companyName: company?.name ?? null };
    });
  }

  async isVerified(userId: number): Promise<boolean> {
    const [row] = await this.sequelize.query<{ verified: Date | null }>('SELECT email_verified_at AS verified FROM users WHERE id = ?', {
      type: QueryTypes.SELECT,
      replacements: [userId],
    });
    return Boolean(row?.verified);
  }
}
