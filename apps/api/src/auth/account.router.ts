import { Injectable } from '@nestjs/common';
import { zApiKey, zApiKeyCreate, zApiKeyList, zCreatedApiKey, zOk, zSession, zTwoFactorCode, zTwoFactorSetup, zTwoFactorStatus, zTwoFactorEnabled, zRecoveryCodes, zResetTwoFactorInput, zSecuritySettings, zSsoGroupMappings, zSsoGroupMappingsInput } from '@switchboard/contracts';
import { z } from 'zod';
import { requireAbility, router } from '../trpc/trpc.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { bearerToken } from './authenticate.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SsoGroupsService } from './sso/sso-groups.service.js';
import { TokenService } from './token.service.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';

const zId = z.object({ id: z.coerce.number({ error: 'must be a number' }).int().positive() });

/** The signed-in user's own security: sessions and API keys. */
@Injectable()
export class AccountRouter {
  constructor(
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
    private readonly twoFactor: TwoFactorService,
    private readonly tokens: TokenService,
    private readonly ssoGroups: SsoGroupsService,
  ) {}

  build() {
    return router({
      sessions: requireAbility('read', 'Session')
        .meta({ openapi: { method: 'GET', path: '/account/sessions', tags: ['auth'], protect: true, summary: 'My sign-in sessions' } })
        .input(z.object({}).optional())
        .output(z.object({ items: z.array(zSession) }))
        .query(async ({ ctx }) => ({ items: await this.sessions.list(ctx.actor, bearerToken(ctx.req)) })),
      revokeSession: requireAbility('manage', 'Session')
        .meta({ openapi: { method: 'DELETE', path: '/account/sessions/{id}', tags: ['auth'], protect: true, summary: 'Sign out one session' } })
        .input(zId)
        .output(zOk)
        .mutation(async ({ ctx, input }) => {
          await this.sessions.revoke(ctx.actor, input.id);
          return { ok: true as const };
        }),
      revokeOtherSessions: requireAbility('manage', 'Session')
        .meta({ openapi: { method: 'POST', path: '/account/sessions/revoke-others', tags: ['auth'], protect: true, summary: 'Sign out everywhere else' } })
        .input(z.object({}).optional())
        .output(z.object({ revoked: z.number().int() }))
        .mutation(async ({ ctx }) => ({ revoked: await this.sessions.revokeOthers(ctx.actor, bearerToken(ctx.req)) })),
      apiKeys: requireAbility('read', 'ApiKey')
        .meta({ openapi: { method: 'GET', path: '/account/api-keys', tags: ['auth'], protect: true, summary: 'API keys (own; admins see all)' } })
        .input(z.object({}).optional())
        .output(zApiKeyList)
        .query(({ ctx }) => this.apiKeys.list(ctx.actor)),
      createApiKey: requireAbility('create', 'ApiKey')
        .meta({ openapi: { method: 'POST', path: '/account/api-keys', tags: ['auth'], protect: true, summary: 'Create an API key (the secret is shown once)' } })
        .input(zApiKeyCreate)
        .output(zCreatedApiKey)
        .mutation(({ ctx, input }) => this.apiKeys.create(ctx.actor, input)),
      revokeApiKey: requireAbility('manage', 'ApiKey')
        .meta({ openapi: { method: 'DELETE', path: '/account/api-keys/{id}', tags: ['auth'], protect: true, summary: 'Revoke an API key' } })
        .input(zId)
        .output(zApiKey)
        .mutation(({ ctx, input }) => this.apiKeys.revoke(ctx.actor, input.id)),
      twoFactorStatus: requireAbility('read', 'Session')
        .meta({ openapi: { method: 'GET', path: '/account/two-factor', tags: ['auth'], protect: true, summary: 'Is two-factor sign-in on?' } })
        .input(z.object({}).optional())
        .output(zTwoFactorStatus)
        .query(({ ctx }) => this.twoFactor.status(ctx.actor.user.id)),
      setupTwoFactor: requireAbility('manage', 'TwoFactor')
        .meta({ openapi: { method: 'POST', path: '/account/two-factor/setup', tags: ['auth'], protect: true, summary: 'Start two-factor setup (staff)' } })
        .input(z.object({}).optional())
        .output(zTwoFactorSetup)
        .mutation(({ ctx }) => this.twoFactor.setup(ctx.actor)),
      enableTwoFactor: requireAbility('manage', 'TwoFactor')
        .meta({ openapi: { method: 'POST', path: '/account/two-factor/enable', tags: ['auth'], protect: true, summary: 'Confirm setup with a first code' } })
        .input(zTwoFactorCode)
        .output(zTwoFactorEnabled)
        .mutation(async ({ ctx, input }) => {
          const recoveryCodes = await this.twoFactor.enable(ctx.actor, input.code);
          // This session just proved the second factor: where the admins require it, it may carry on.
          const token = bearerToken(ctx.req);
          if (token) await this.tokens.markSecondFactor(token);
          return { ok: true as const, recoveryCodes };
        }),
      regenerateRecoveryCodes: requireAbility('manage', 'TwoFactor')
        .meta({ openapi: { method: 'POST', path: '/account/two-factor/recovery-codes', tags: ['auth'], protect: true, summary: 'New recovery codes, shown once (needs a current code; the old ones stop working)' } })
        .input(zTwoFactorCode)
        .output(zRecoveryCodes)
        .mutation(async ({ ctx, input }) => ({ recoveryCodes: await this.twoFactor.regenerateRecoveryCodes(ctx.actor, input.code) })),
      securitySettings: requireAbility('read', 'UserSecurity')
        .meta({ openapi: { method: 'GET', path: '/account/security-settings', tags: ['auth'], protect: true, summary: 'Which staff roles must use two-factor sign-in (admins)' } })
        .input(z.object({}).optional())
        .output(zSecuritySettings)
        .query(() => this.twoFactor.securitySettings()),
      saveSecuritySettings: requireAbility('update', 'UserSecurity')
        .meta({ openapi: { method: 'PUT', path: '/account/security-settings', tags: ['auth'], protect: true, summary: 'Require two-factor sign-in for staff roles (admins); single sign-on counts' } })
        .input(zSecuritySettings)
        .output(zSecuritySettings)
        .mutation(({ ctx, input }) => this.twoFactor.saveSecuritySettings(ctx.actor, input)),
      resetUserTwoFactor: requireAbility('update', 'UserSecurity')
        .meta({ openapi: { method: 'POST', path: '/account/two-factor/reset', tags: ['auth'], protect: true, summary: 'Turn off someone’s two-factor sign-in and revoke their sessions (admins)' } })
        .input(zResetTwoFactorInput)
        .output(zOk)
        .mutation(async ({ ctx, input }) => {
          await this.twoFactor.resetForUser(ctx.actor, input.userId);
          return { ok: true as const };
        }),
      disableTwoFactor: requireAbility('manage', 'TwoFactor')
        .meta({ openapi: { method: 'POST', path: '/account/two-factor/disable', tags: ['auth'], protect: true, summary: 'Turn two-factor sign-in off (needs a current code)' } })
        .input(zTwoFactorCode)
        .output(zOk)
        .mutation(async ({ ctx, input }) => {
          await this.twoFactor.disable(ctx.actor, input.code);
          return { ok: true as const };
        }),
      ssoGroupMappings: requireAbility('read', 'SsoGroupMapping')
        .meta({ openapi: { method: 'GET', path: '/account/sso-group-mappings', tags: ['auth'], protect: true, summary: 'Which identity-provider groups give which staff role and teams at single sign-on (admins)' } })
        .input(z.object({}).optional())
        .output(zSsoGroupMappings)
        .query(({ ctx }) => this.ssoGroups.list(ctx.actor)),
      saveSsoGroupMappings: requireAbility('update', 'SsoGroupMapping')
        .meta({ openapi: { method: 'PUT', path: '/account/sso-group-mappings', tags: ['auth'], protect: true, summary: 'Replace the single sign-on group mapping (admins); applied at each sign-on' } })
        .input(zSsoGroupMappingsInput)
        .output(zSsoGroupMappings)
        .mutation(({ ctx, input }) => this.ssoGroups.save(ctx.actor, input.mappings)),
    });
  }
}

