import type { Page } from 'playwright-core';
import { useBrowserStack } from './browser-stack.js';
import { late } from './late.js';
import { startOidcProvider, type RunningProvider } from './oidc-provider.js';
import { freePort } from './web-apps.js';

/** The variables an SSO test sets for its api (and puts back afterwards). */
export const OIDC_ENV = ['WORKSPACE_URL', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_LABEL', 'OIDC_GROUPS_CLAIM', 'OIDC_GROUPS_SCOPE'] as const;

export interface SsoStackOptions {
  /** A database of its own: group mappings apply to every sign-on there. */
  ownDatabase: string;
  /** The button's label (OIDC_LABEL). */
  label?: string;
  /** The provider sends the groups under this claim, released only for this scope; the api is told both. */
  groupsClaim?: string;
  groupsScope?: string;
}

/**
 * The browser stack with the workspace and a real OpenID Connect provider (oidc-provider) started for
 * the test file. The provider must know the workspace's callback address before either starts, so the
 * workspace gets a fixed port.
 */
export function useSsoStack(options: SsoStackOptions) {
  let provider: RunningProvider | undefined;
  const saved = Object.fromEntries(OIDC_ENV.map((k) => [k, process.env[k]]));
  const stack = useBrowserStack({
    workspace: true,
    ownDatabase: options.ownDatabase,
    before: async () => {
      const [workspacePort, providerPort] = [await freePort(), await freePort()];
      const workspaceUrl = `http://127.0.0.1:${workspacePort}`;
      provider = await startOidcProvider(providerPort, `${workspaceUrl}/sso/callback`, { groupsClaim: options.groupsClaim, groupsScope: options.groupsScope });
      const optional = { OIDC_LABEL: options.label, OIDC_GROUPS_CLAIM: options.groupsClaim, OIDC_GROUPS_SCOPE: options.groupsScope };
      Object.assign(process.env, {
        WORKSPACE_URL: workspaceUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
      });
      return { workspacePort };
    },
    after: async () => {
      await provider?.close();
      for (const key of OIDC_ENV) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    },
  });
  const running = late('OIDC provider', () => provider);

  /** Click the SSO button, sign in at the provider as `login`, consent, and wait to be back in the workspace. */
  async function signInWithSso(page: Page, login: string) {
    await page.goto(`${stack.workspace.url}/login`);
    await page.click('[data-testid="sso"]');
    await page.waitForURL((url) => url.href.startsWith(running.issuer));
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', 'anything');
    await page.click('button[type="submit"]');
    // The provider's consent page, then back to the workspace.
    await page.waitForSelector('button:has-text("Continue")');
    await page.click('button:has-text("Continue")');
    await page.waitForURL((url) => url.href.startsWith(stack.workspace.url));
  }

  return { ...stack, provider: running, signInWithSso };
}
