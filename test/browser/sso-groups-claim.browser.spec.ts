import type { Page } from 'playwright-core';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useSsoStack } from '../support/sso-stack.js';

/**
 * The groups claim name and the extra scope are configurable (decision 030): this provider (a real
 * oidc-provider) sends the groups as `roles`, and only to a client that asks for the `groups` scope, as
 * Okta does. A database of its own: the group mapping applies to every sign-on there.
 */
const { api, browser, provider, signInWithSso: signInThroughProvider } = useSsoStack({ ownDatabase: 'sso_claim', groupsClaim: 'roles', groupsScope: 'groups' });

async function signInWithSso(page: Page, login: string) {
  await signInThroughProvider(page, login);
  await page.waitForSelector('[data-testid="current-user"]');
}

const roleOf = async (id: number) => (await sql<{ role: string }>('SELECT role FROM users WHERE id = ?', [id]))[0].role;

it('asks for the configured scope and reads the groups from the configured claim', async () => {
  const admin = await createUser(api.url, 'admin');
  const mapped = await restClient(api.url).raw('PUT', '/api/v1/account/sso-group-mappings', admin.token, {
    mappings: [{ group: 'helpdesk-leads', role: 'manager', teamId: null }],
  });
  expect(mapped.status).toBe(200);

  const agent = await createUser(api.url, 'agent');
  provider.groups.set(agent.email, ['helpdesk-leads']);
  const page = await (await browser.newContext()).newPage();
  // The authorization request asks for the extra scope besides the usual three.
  const authorize = page.waitForRequest((request) => request.url().startsWith(provider.issuer) && new URL(request.url()).searchParams.has('scope'));
  await signInWithSso(page, agent.email);
  expect(new URL((await authorize).url()).searchParams.get('scope')!.split(' ').sort()).toEqual(['email', 'groups', 'openid', 'profile']);
  // The provider released `roles` (only under that scope), and the mapping applied.
  expect(await roleOf(agent.id)).toBe('manager');
  const [audit] = await sql<{ after_state: string | Record<string, unknown> }>(
    "SELECT after_state FROM audit_log WHERE action = 'sso.provisioned' AND subject_id = ? ORDER BY id DESC LIMIT 1",
    [String(agent.id)],
  );
  expect(typeof audit.after_state === 'string' ? JSON.parse(audit.after_state) : audit.after_state).toMatchObject({ role: 'manager', groups: ['helpdesk-leads'] });

  // Out of the group at the provider: the next sign-on, read from the same claim, takes the role away.
  provider.groups.set(agent.email, ['someone-else']);
  await signInWithSso(await (await browser.newContext()).newPage(), agent.email);
  expect(await roleOf(agent.id)).toBe('agent');
}, 120_000);
