import { Injectable } from '@nestjs/common';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../audit/audit.repository.js';

export type SignInOutcome = 'auth.signed_in' | 'auth.sign_in_failed' | 'auth.locked';

/** The audit trail of sign-ins: who, from where, and how it went (read through the audit module). */
@Injectable()
export class SignInAudit {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditRepository,
  ) {}

  async record(
    outcome: SignInOutcome,
    user: { id?: number; email: string },
    client: { ip: string | null; userAgent: string | null },
    details: Record<string, unknown> = {},
  ) {
    const id = Number(user.id);
    await this.sequelize.transaction((transaction) =>
      this.audit.record(
        { user: { id } as never, ip: client.ip, userAgent: client.userAgent },
        { action: outcome, subjectType: 'User', subjectId: id, after: { email: user.email, ...details } },
        transaction,
      ),
    );
  }
}
