import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { QueryTypes } from 'sequelize';
import type { AuthUser } from '../common/actor.js';
import { AuthTokenModel } from './auth-token.model.js';

@Injectable()
export class AuthTokenRepository {
  constructor(@InjectModel(AuthTokenModel) private readonly tokens: typeof AuthTokenModel) {}

  create(data: { userId: number; tokenHash: string; expiresAt: Date; ip: string | null; userAgent: string | null; secondFactor: boolean }) {
    return this.tokens.create(data);
  }

  /**
   * The user of a live token (not revoked, not expired), or null. Runs on every authenticated
   * request, so it is one indexed query without model hydration.
   */
  async findLiveUser(tokenHash: string): Promise<AuthUser | null> {
    const rows = await this.tokens.sequelize!.query<AuthUser & { secondFactor: number; twoFactorRoles: string | null }>(
      `SELECT u.id, u.name, u.email, u.role, u.company_id AS companyId, c.name AS companyName,
              u.company_admin AS companyAdmin, c.ticket_visibility AS companyTicketVisibility,
              t.second_factor AS secondFactor, s.two_factor_roles AS twoFactorRoles
       FROM auth_tokens t
       JOIN users u ON u.id = t.user_id
       LEFT JOIN companies c ON c.id = u.company_id
       LEFT JOIN security_settings s ON s.id = 1
       WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.status = 'active'
       LIMIT 1`,
      { replacements: [tokenHash, new Date()], type: QueryTypes.SELECT },
    );
    const row = rows[0];
    if (!row) return null;
    // A suspended (or not yet accepted) account's tokens stop working at once: the status is checked on every request.
    const { secondFactor, twoFactorRoles, ...user } = row;
    // The admins' setting is read with the token, so turning it on applies to the next request of every session.
    const required = (twoFactorRoles ?? '').split(',').includes(user.role) && !Number(secondFactor);
    return { ...user, companyAdmin: Boolean(user.companyAdmin), companyTicketVisibility: user.companyTicketVisibility ?? null, twoFactorSetupRequired: required };
  }

  /** This session just proved a second factor (two-factor was turned on in it). */
  async markSecondFactor(tokenHash: string) {
    await this.tokens.update({ secondFactor: true }, { where: { tokenHash } });
  }

  async revoke(tokenHash: string) {
    const [count] = await this.tokens.update({ revokedAt: new Date() }, { where: { tokenHash, revokedAt: null } });
    return count;
  }
}
