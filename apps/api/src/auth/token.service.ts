import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { AuthUser } from '../common/actor.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { AuthTokenRepository } from './auth-token.repository.js';

/**
 * Opaque bearer tokens: 32 random bytes shown once to the client; only their SHA-256 is stored,
 * so a database leak does not leak sessions. Logout revokes the row.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly tokens: AuthTokenRepository,
    private readonly apiKeys: ApiKeyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  static hash(token: string) {
    return createHash('sha256').update(token).digest('hex');
  }

  /** `secondFactor`: the sign-in passed a second factor (a two-factor code, or single sign-on). */
  async issue(userId: number, meta: { ip: string | null; userAgent: string | null }, options: { secondFactor?: boolean } = {}): Promise<string> {
    const token = `sb_${randomBytes(32).toString('base64url')}`;
    await this.tokens.create({
      userId,
      tokenHash: TokenService.hash(token),
      expiresAt: new Date(Date.now() + this.config.tokenTtlDays * 86_400_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
      secondFactor: Boolean(options.secondFactor),
    });
    return token;
  }

  /** The user of a sign-in token (`sb_...`) or of an API key (`sbk_...`), or null. */
  async resolve(token: string, ip: string | null = null): Promise<AuthUser | null> {
    if (token.length > 100) return null;
    if (token.startsWith('sbk_')) return this.apiKeys.findLiveUser(TokenService.hash(token), ip);
    if (!token.startsWith('sb_')) return null;
    return this.tokens.findLiveUser(TokenService.hash(token));
  }

  async markSecondFactor(token: string) {
    if (token.startsWith('sb_')) await this.tokens.markSecondFactor(TokenService.hash(token));
  }

  async revoke(token: string) {
    return this.tokens.revoke(TokenService.hash(token));
  }
}
