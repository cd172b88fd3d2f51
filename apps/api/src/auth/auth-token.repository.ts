import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { QueryTypes } from 'sequelize';
import type { AuthUser } from '../common/actor.js';
import { AuthTokenModel } from './auth-token.model.js';

@Injectable()
export class AuthTokenRepository {
  constructor(@InjectModel(AuthTokenModel) private readonly tokens: typeof AuthTokenModel) {}

  create(data: { userId: number; tokenHash: string; expiresAt: Date; ip: string | null; userAgent: string | null }) {
    return this.tokens.create(data);
  }

  /**
   * The user of a live token (not revoked, not expired), or null. Runs on every authenticated
   * request, so it is one indexed query without model hydration.
   */
  async findLiveUser(tokenHash: string): Promise<AuthUser | null> {
    const rows = await this.tokens.sequelize!.query<AuthUser>(
      `SELECT u.id, u.name, u.email, u.role, u.company_id AS companyId, c.name AS companyName,
              u.company_admin AS companyAdmin, c.ticket_visibility AS companyTicketVisibility
       FROM auth_tokens t
       JOIN users u ON u.id = t.user_id
       LEFT JOIN companies c ON c.id = u.company_id
       WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.status = 'active'
       LIMIT 1`,
      { replacements: [tokenHash, new Date()], type: QueryTypes.SELECT },
    );
    const row = rows[0];
    // A suspended (or not yet accepted) account's tokens stop working at once: the status is checked on every request.
    return row ? { ...row, companyAdmin: Boolean(row.companyAdmin), companyTicketVisibility: row.companyTicketVisibility ?? null } : null;
  }

  async revoke(tokenHash: string) {
    const [count] = await this.tokens.update({ revokedAt: new Date() }, { where: { tokenHash, revokedAt: null } });
    return count;
  }
}
