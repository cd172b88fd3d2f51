import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SYSTEM_USER_EMAIL } from '@switchboard/migrations';
import { randomBytes } from 'node:crypto';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../audit/audit.repository.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { UserRepository } from '../../users/user.repository.js';
import { TokenService } from '../token.service.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { RequestPasswordResetCommand } from './request-password-reset.command.js';

/** At most this many reset mails per account and hour, so the form cannot flood someone's mailbox. */
const MAX_PER_HOUR = 3;

/**
 * Mails a single-use reset link (portal for customers, workspace for staff). The answer never tells
 * whether the email has an account. Only the token's SHA-256 is kept in password_resets; the link
 * itself travels in the outbox row and the (admin-only) outbound message, like any mail we send.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand, { ok: true }> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ email, client }: RequestPasswordResetCommand): Promise<{ ok: true }> {
    const user = await this.users.findByEmail(email);
    if (!user || user.email === SYSTEM_USER_EMAIL) return { ok: true };
    const now = new Date();
    if ((await this.resets.countSince(user.id, new Date(now.getTime() - 3_600_000))) >= MAX_PER_HOUR) return { ok: true };

    const token = `sbr_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(now.getTime() + this.config.passwordResetTtlMinutes * 60_000);
    const base = user.role === 'customer' ? this.config.portalUrl : this.config.workspaceUrl;
    await this.sequelize.transaction(async (transaction) => {
      await this.resets.create(user.id, TokenService.hash(token), expiresAt, transaction);
      await this.audit.record(
        { user: { id: user.id } as never, ip: client.ip, userAgent: client.userAgent },
        { action: 'auth.password_reset_requested', subjectType: 'User', subjectId: user.id, after: { email: user.email } },
        transaction,
      );
      await this.outbox.append(
        'auth.password_reset',
        {
          userId: user.id,
          email: user.email,
          name: user.name,
          resetUrl: `${base}/reset-password?token=${encodeURIComponent(token)}`,
          expiresAt: expiresAt.toISOString(),
        },
        transaction,
      );
    });
    return { ok: true };
  }
}
