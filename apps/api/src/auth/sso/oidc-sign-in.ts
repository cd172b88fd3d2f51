import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthResult, SsoFinishInput, SsoStart } from '@switchboard/contracts';
import * as oidc from 'openid-client';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { toAuthUser, toUser } from '../../users/user.mapper.js';
import { UserRepository } from '../../users/user.repository.js';
import { AuthErrors } from '../auth.errors.js';
import type { ClientMeta } from '../commands/login/login.command.js';
import { LoginLockout } from '../lockout/login-lockout.js';
import { SignInAudit } from '../sign-in-audit.js';
import { TokenService } from '../token.service.js';
import { claimAt, groupsClaim } from './group-provisioning.js';
import { SsoGroupsService } from './sso-groups.service.js';

const STAFF = new Set(['agent', 'manager', 'admin']);

/** Plain HTTP is only for an identity provider on this machine (development and tests). */
function isLoopback(issuer: string) {
  const host = new URL(issuer).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/**
 * Staff single sign-on with OpenID Connect (authorization code + PKCE, state and nonce), through
 * openid-client. The workspace keeps the per-attempt secrets (state, nonce, PKCE verifier) in its
 * signed httpOnly session between the two steps; the API keeps nothing. Only an existing staff account
 * whose email the provider asserts as verified is signed in: SSO never creates staff accounts.
 */
@Injectable()
export class OidcSignIn {
  private readonly logger = new Logger(OidcSignIn.name);
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly lockout: LoginLockout,
    private readonly signIns: SignInAudit,
    private readonly groups: SsoGroupsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  describe(): { enabled: boolean; label: string } {
    return { enabled: this.config.oidc !== null, label: this.config.oidc?.label ?? '' };
  }

  async start(): Promise<SsoStart> {
    const settings = this.settings();
    const configuration = await this.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      // Some providers release groups only for a scope of their own (Okta: `groups`).
      scope: ['openid', 'email', 'profile', ...settings.extraScopes].join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  async finish(input: SsoFinishInput, client: ClientMeta): Promise<AuthResult> {
    const settings = this.settings();
    const callback = new URL(input.callbackUrl);
    if (`${callback.origin}${callback.pathname}` !== settings.redirectUri) throw AuthErrors.ssoFailed('the callback address is not this workspace');
    let claims: { sub: string; email?: unknown; email_verified?: unknown; [claim: string]: unknown } | undefined;
    try {
      const configuration = await this.configuration();
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: input.codeVerifier,
        expectedState: input.state,
        expectedNonce: input.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Many providers put scope claims (email, groups) only in UserInfo, not in the ID token.
      if (claims && (typeof claims.email !== 'string' || claimAt(claims, settings.groupsClaim) === undefined)) {
        claims = { ...claims, ...(await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)), sub: claims.sub };
      }
    } catch (error) {
      this.logger.warn(`single sign-on failed: ${(error as Error).message}`);
      throw AuthErrors.ssoFailed((error as Error).message);
    }
    const email = typeof claims?.email === 'string' ? claims.email.toLowerCase() : null;
    if (!email || claims?.email_verified !== true) throw AuthErrors.ssoFailed('the provider did not assert a verified email address');
    const user = await this.users.findByEmail(email);
    if (!user || !STAFF.has(user.role)) throw AuthErrors.ssoNoAccount(email);
    if (user.status !== 'active') throw AuthErrors.suspended();
    const locked = this.lockout.lockedUntil(user);
    if (locked) throw AuthErrors.locked(locked);
    // The admins' group mapping sets role and teams on every sign-on (decision 027).
    const groups = groupsClaim(claims as Record<string, unknown>, settings.groupsClaim);
    await this.groups.apply({ id: Number(user.id), email }, groups, client);
    const current = (await this.users.findByEmail(email))!;
    const token = await this.tokens.issue(user.id, client, { secondFactor: true });
    await this.signIns.record('auth.signed_in', current, client, { sso: 'oidc', issuer: this.config.oidc!.issuer, subject: claims!.sub, ...(groups ? { groups } : {}) });
    return { token, user: toUser(toAuthUser(current)) };
  }

  private settings() {
    if (!this.config.oidc) throw AuthErrors.ssoNotConfigured();
    return this.config.oidc;
  }

  /** Discovery once per process; a failed attempt is retried on the next sign-in. */
  private configuration(): Promise<oidc.Configuration> {
    const settings = this.settings();
    this.discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: isLoopback(settings.issuer) && settings.issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: Error) => {
        this.discovered = null;
        this.logger.error(`OpenID Connect discovery at ${settings.issuer} failed: ${error.message}`);
        throw AuthErrors.ssoFailed(`the identity provider at ${settings.issuer} did not answer`);
      });
    return this.discovered;
  }
}
