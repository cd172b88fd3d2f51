import { subject } from '@casl/ability';
import { Injectable } from '@nestjs/common';
import type { ApiKey, ApiKeyCreate, ApiKeyList, CreatedApiKey } from '@switchboard/contracts';
import { randomBytes } from 'node:crypto';
import { Sequelize } from 'sequelize-typescript';
import { accessibleWhere } from '../../access/accessible-where.js';
import { AuditRepository } from '../../audit/audit.repository.js';
import type { Actor } from '../../common/actor.js';
import { AuthErrors } from '../auth.errors.js';
import { TokenService } from '../token.service.js';
import { SecuritySettingsRepository } from '../two-factor/security-settings.repository.js';
import { ApiKeyRepository, keyRefusal, toApiKey } from './api-key.repository.js';

/**
 * API keys for integrations. A key acts as its owner (same CASL rules), narrowed by its scope:
 * `read` keys may only run queries (trpc.ts). The secret is shown once; only its SHA-256 is kept.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditRepository,
    private readonly settings: SecuritySettingsRepository,
  ) {}

  /**
   * The keys the caller may see, each saying whether it is refused now, and whether the caller's own
   * keys are (so the account page can say why and what to do, even before the first key).
   */
  async list(actor: Actor): Promise<ApiKeyList> {
    const where = accessibleWhere(actor.ability, 'read', 'ApiKey');
    if (!where) throw AuthErrors.forbidden('use API keys');
    const [rows, { twoFactorRoles }, twoFactorOn] = await Promise.all([this.keys.list(where), this.settings.get(), this.keys.twoFactorOn(actor.user.id)]);
    const reason = keyRefusal(actor.user.role, twoFactorOn, twoFactorRoles);
    return { items: rows.map((k) => toApiKey(k, twoFactorRoles)), ownKeysRefused: reason ? { reason, role: actor.user.role } : null };
  }

  async create(actor: Actor, input: ApiKeyCreate): Promise<CreatedApiKey> {
    if (actor.ability.cannot('create', subject('ApiKey', { userId: actor.user.id }))) throw AuthErrors.forbidden('create API keys');
    // A key cannot mint keys: a leaked key must not be able to outlive its own revocation.
    if (actor.user.apiKey) throw AuthErrors.forbidden('create API keys while signed in with an API key');
    const secret = `sbk_${randomBytes(32).toString('base64url')}`;
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const key = await this.keys.create({
      userId: actor.user.id,
      name: input.name,
      prefix: secret.slice(0, 12),
      keyHash: TokenService.hash(secret),
      scope: input.scope,
      expiresAt,
    });
    await this.sequelize.transaction((transaction) =>
      this.audit.record(
        actor,
        { action: 'api_key.created', subjectType: 'ApiKey', subjectId: key.id, after: { name: input.name, scope: input.scope } },
        transaction,
      ),
    );
    return { apiKey: toApiKey(key, (await this.settings.get()).twoFactorRoles), secret };
  }

  async revoke(actor: Actor, id: number): Promise<ApiKey> {
    const key = await this.keys.findById(id);
    if (!key || actor.ability.cannot('read', subject('ApiKey', { userId: key.userId }))) throw AuthErrors.apiKeyNotFound(id);
    if (actor.ability.cannot('manage', subject('ApiKey', { userId: key.userId }))) throw AuthErrors.forbidden('revoke this API key');
    await this.keys.revoke(id, new Date());
    await this.sequelize.transaction((transaction) =>
      this.audit.record(actor, { action: 'api_key.revoked', subjectType: 'ApiKey', subjectId: id, before: { name: key.name } }, transaction),
    );
    return toApiKey((await this.keys.findById(id))!, (await this.settings.get()).twoFactorRoles);
  }
}
