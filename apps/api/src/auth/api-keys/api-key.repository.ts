import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import type { ApiKey } from '@switchboard/contracts';
import { QueryTypes, type WhereOptions } from 'sequelize';
import type { AuthUser } from '../../common/actor.js';
import { UserModel } from '../../users/user.model.js';
import { ApiKeyModel } from './api-key.model.js';

/** Last-used time is written at most this often per key, so a busy integration does not write on every call. */
const TOUCH_EVERY_MS = 60_000;

/** Decision 027: a key of a role the admins require two-factor for works only while its owner has it on. */
export function keyRefusal(role: string, twoFactorOn: boolean, twoFactorRoles: readonly string[]): 'two_factor_not_enrolled' | null {
  return twoFactorRoles.includes(role) && !twoFactorOn ? 'two_factor_not_enrolled' : null;
}

/** `twoFactorRoles`: the roles the admins require two-factor for, to say whether the key is refused now. */
export function toApiKey(key: ApiKeyModel, twoFactorRoles: readonly string[]): ApiKey {
  return {
    id: Number(key.id),
    name: key.name,
    prefix: key.prefix,
    scope: key.scope,
    ownerId: key.userId,
    ownerName: key.user?.name ?? '',
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: key.lastUsedIp,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    refused: key.user ? keyRefusal(key.user.role, Boolean(key.user.totpEnabledAt), twoFactorRoles) : null,
  };
}

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectModel(ApiKeyModel) private readonly keys: typeof ApiKeyModel) {}

  async create(data: Pick<ApiKeyModel, 'userId' | 'name' | 'prefix' | 'keyHash' | 'scope' | 'expiresAt'>) {
    const created = await this.keys.create(data);
    return (await this.keys.findByPk(created.id, { include: [UserModel] }))!;
  }

  /** The keys `where` allows (from the caller's CASL rules), newest first. */
  list(where: WhereOptions) {
    return this.keys.findAll({ where, include: [UserModel], order: [['id', 'DESC']], limit: 500 });
  }

  findById(id: number) {
    return this.keys.findByPk(id, { include: [UserModel] });
  }

  /** Whether this user has two-factor sign-in on (their keys' refusal depends on it). */
  async twoFactorOn(userId: number): Promise<boolean> {
    const user = await UserModel.findByPk(userId, { attributes: ['id', 'totpEnabledAt'] });
    return Boolean(user?.totpEnabledAt);
  }

  async revoke(id: number, now: Date) {
    await this.keys.update({ revokedAt: now }, { where: { id, revokedAt: null } });
  }

  /** The owner of a live key (not revoked, not expired), as the request's user, or null. */
  async findLiveUser(keyHash: string, ip: string | null): Promise<AuthUser | null> {
    const now = new Date();
    const rows = await this.keys.sequelize!.query<AuthUser & { keyId: number; scope: 'read' | 'write'; lastUsedAt: Date | null; twoFactorOn: number; twoFactorRoles: string | null }>(
      `SELECT u.id, u.name, u.email, u.role, u.company_id AS companyId, c.name AS companyName,
              u.company_admin AS companyAdmin, c.ticket_visibility AS companyTicketVisibility,
              k.id AS keyId, k.scope, k.last_used_at AS lastUsedAt,
              u.totp_enabled_at IS NOT NULL AS twoFactorOn, s.two_factor_roles AS twoFactorRoles
         FROM api_keys k
         JOIN users u ON u.id = k.user_id
         LEFT JOIN companies c ON c.id = u.company_id
         LEFT JOIN security_settings s ON s.id = 1
        WHERE k.key_hash = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?) AND u.status = 'active'
        LIMIT 1`,
      { replacements: [keyHash, now], type: QueryTypes.SELECT },
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > TOUCH_EVERY_MS) {
      await this.keys.update({ lastUsedAt: now, lastUsedIp: ip?.slice(0, 64) ?? null }, { where: { id: row.keyId } });
    }
    const { keyId, scope, lastUsedAt: _unused, twoFactorOn, twoFactorRoles, ...user } = row;
    // Decision 027: where the admins require two-factor for the owner's role, a key works only while
    // its owner has two-factor on; otherwise keys would be a way around the requirement.
    const refused = keyRefusal(user.role, Boolean(Number(twoFactorOn)), (twoFactorRoles ?? '').split(',')) !== null;
    // Like a sign-in token: the owner's status and company settings are read on every request.
    return {
      ...user,
      companyAdmin: Boolean(user.companyAdmin),
      companyTicketVisibility: user.companyTicketVisibility ?? null,
      apiKey: { id: Number(keyId), scope, ...(refused ? { refused: 'two_factor_not_enrolled' as const } : {}) },
    };
  }
}
