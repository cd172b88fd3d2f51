import type { Server } from 'node:http';
import Provider from 'oidc-provider';

export interface RunningProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The `groups` claim per login (sent in UserInfo, as providers do that put it in by configuration); absent logins get none. */
  groups: Map<string, string[]>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider) on loopback, with its development login
 * and consent pages: any login name is accepted and becomes the account's email. A login that
 * starts with "unverified" gets email_verified: false. Set `groups` to give a login a groups claim.
 */
export async function startOidcProvider(
  port: number,
  redirectUri: string,
  /** Send the groups as another claim, released only when the client asks for `scope` (as Okta does with `groups`). */
  options: { groupsClaim?: string; groupsScope?: string } = {},
): Promise<RunningProvider> {
  const claimName = options.groupsClaim ?? 'groups';
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'switchboard-workspace';
  const clientSecret = 'a-client-secret-for-tests-only';
  const groups = new Map<string, string[]>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          const claims = { sub: id, email: id, email_verified: !id.startsWith('unverified'), name: id.split('@')[0] };
          return groups.has(id) ? { ...claims, [claimName]: groups.get(id) } : claims;
        },
      };
    },
    claims: options.groupsScope
      ? { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], [options.groupsScope]: [claimName] }
      : { openid: ['sub', claimName], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['switchboard-test-oidc-cookie-key'] },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    groups,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
