import { startApi } from '../support/api.js';
import { signIn } from '../support/browser.js';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { OIDC_ENV, useSsoStack } from '../support/sso-stack.js';

/**
 * Staff single sign-on against a real OpenID Connect provider started here (oidc-provider), no mocks.
 * A database of its own: the group mapping applies to every sign-on, and one test needs to know who
 * the admins are (the last one is never demoted).
 */
const { api, workspace, browser, provider, signInWithSso } = useSsoStack({ ownDatabase: 'sso', label: 'Acme SSO' });

it('an agent signs in through the identity provider and lands in the queue; the sign-in is audited', async () => {
  const agent = await createUser(api.url, 'agent', { name: 'Sol Single' });
  const page = await (await browser.newContext()).newPage();
  await signInWithSso(page, agent.email);
  await page.waitForSelector('[data-testid="current-user"]');
  expect(new URL(page.url()).pathname).toBe('/tickets');
  expect(await page.textContent('[data-testid="current-user"]')).toContain('Sol Single');
  const audit = await sql<{ after_state: string | { sso: string } }>(
    "SELECT after_state FROM audit_log WHERE action = 'auth.signed_in' AND subject_id = ? ORDER BY id DESC LIMIT 1",
    [String(agent.id)],
  );
  const after = typeof audit[0].after_state === 'string' ? JSON.parse(audit[0].after_state) : audit[0].after_state;
  expect(after).toMatchObject({ sso: 'oidc', issuer: provider.issuer, subject: agent.email });
});

it('an address without a staff account, a customer, or an unverified address is sent back with the reason', async () => {
  const customer = await createUser(api.url, 'customer');
  for (const [login, reason] of [
    [`stranger-${Date.now()}@example.test`, 'No staff account uses'],
    [customer.email, 'No staff account uses'],
    [`unverified-${Date.now()}@example.test`, 'did not assert a verified email address'],
  ] as const) {
    const page = await (await browser.newContext()).newPage();
    await signInWithSso(page, login);
    expect(await (await page.waitForSelector('[data-testid="error"]')).textContent()).toContain(reason);
    expect(new URL(page.url()).pathname).toBe('/login');
  }
});

async function auditAfter(userId: number, action: string): Promise<Record<string, unknown> | null> {
  const [row] = await sql<{ after_state: string | Record<string, unknown> }>(
    'SELECT after_state FROM audit_log WHERE action = ? AND subject_type = ? AND subject_id = ? ORDER BY id DESC LIMIT 1',
    [action, 'User', String(userId)],
  );
  if (!row) return null;
  return typeof row.after_state === 'string' ? JSON.parse(row.after_state) : row.after_state;
}

const roleOf = async (id: number) => (await sql<{ role: string }>('SELECT role FROM users WHERE id = ?', [id]))[0].role;
const teamsOf = async (id: number) =>
  (await sql<{ team_id: number }>('SELECT team_id FROM team_members WHERE user_id = ? ORDER BY team_id', [id])).map((r) => Number(r.team_id));
async function createTeam(name: string) {
  const result = (await sql('INSERT INTO teams (name) VALUES (?)', [name])) as unknown as { insertId: number };
  return Number(result.insertId);
}

it("the sessions list and the security log show the browser's user agent and address, not the workspace server's (decision 027)", async () => {
  const admin = await createUser(api.url, 'admin', { name: 'Ada Audit' });
  // A load balancer in front of the workspace would add the browser's address; the workspace server
  // appends its own peer (loopback here), which the API trusts, so the address before it counts.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.44' } });
  const page = await context.newPage();
  await signIn(page, workspace.url, admin.email);
  const browserAgent = await page.evaluate(() => navigator.userAgent);
  expect(browserAgent).toMatch(/Chrom/);

  const [signedIn] = await sql<{ ip: string; user_agent: string }>(
    "SELECT ip, user_agent FROM audit_log WHERE action = 'auth.signed_in' AND subject_id = ? ORDER BY id DESC LIMIT 1",
    [String(admin.id)],
  );
  expect(signedIn).toEqual({ ip: '192.0.2.44', user_agent: browserAgent });

  await page.goto(`${workspace.url}/account`);
  const current = (await page.textContent('[data-testid="session-row"][data-current]'))!;
  expect(current).toContain(browserAgent);
  expect(current).toContain('192.0.2.44');

  await page.goto(`${workspace.url}/admin/security?kind=sign_in&userId=${admin.id}`);
  const newest = page.locator('[data-testid="security-log"] tbody tr[data-action="auth.signed_in"]').first();
  expect(await newest.locator('[data-testid="security-log-from"]').textContent()).toContain('192.0.2.44');
  expect(await newest.locator('[data-testid="security-log-agent"]').textContent()).toContain(browserAgent);

  // Single sign-on through the workspace is recorded the same way.
  const agent = await createUser(api.url, 'agent');
  const ssoPage = await (await browser.newContext()).newPage();
  await signInWithSso(ssoPage, agent.email);
  await ssoPage.waitForSelector('[data-testid="current-user"]');
  const [sso] = await sql<{ user_agent: string }>(
    "SELECT user_agent FROM audit_log WHERE action = 'auth.signed_in' AND subject_id = ? ORDER BY id DESC LIMIT 1",
    [String(agent.id)],
  );
  expect(sso.user_agent).toBe(await ssoPage.evaluate(() => navigator.userAgent));
}, 120_000);

it('maps provider groups to role and teams at each sign-on, takes them away with the groups, and never demotes the last admin', async () => {
  // The file's database has one active admin after the previous test; make it this test's own.
  await sql("UPDATE users SET status = 'suspended' WHERE role = 'admin'");
  const admin = await createUser(api.url, 'admin', { name: 'Greta Groups' });
  const billing = await createTeam('Billing');
  const handMade = await createTeam('Night shift');

  // The admin maps groups on the security screen.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, workspace.url, admin.email);
  await adminPage.goto(`${workspace.url}/admin/security`);
  for (const [group, role, team] of [
    ['sb-leads', 'manager', ''],
    ['sb-billing', '', String(billing)],
    ['sb-admins', 'admin', ''],
  ]) {
    await adminPage.fill('[data-testid="sso-group-add"] input[name="group"]', group);
    await adminPage.selectOption('[data-testid="sso-group-add"] select[name="role"]', role);
    await adminPage.selectOption('[data-testid="sso-group-add"] select[name="teamId"]', team);
    await adminPage.click('[data-testid="sso-group-add"] button[type="submit"]');
    await adminPage.waitForSelector(`[data-testid="sso-group-row"][data-group="${group}"]`);
  }
  // A mapping with neither role nor team is refused, naming the field.
  await adminPage.fill('[data-testid="sso-group-add"] input[name="group"]', 'sb-nothing');
  await adminPage.selectOption('[data-testid="sso-group-add"] select[name="role"]', '');
  await adminPage.selectOption('[data-testid="sso-group-add"] select[name="teamId"]', '');
  await adminPage.click('[data-testid="sso-group-add"] button[type="submit"]');
  expect(await (await adminPage.waitForSelector('[data-testid="sso-group-add"] [data-testid="field-error"]')).textContent()).toContain('give a role, a team, or both');
  expect(await adminPage.locator('[data-testid="sso-group-row"]').count()).toBe(3);

  // An agent in the leads and billing groups signs on: manager, in Billing; a team no mapping names stays.
  const agent = await createUser(api.url, 'agent', { name: 'Gus Groups' });
  await sql('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)', [handMade, agent.id]);
  provider.groups.set(agent.email, ['sb-leads', 'sb-billing', 'unrelated']);
  const page = await (await browser.newContext()).newPage();
  await signInWithSso(page, agent.email);
  await page.waitForSelector('[data-testid="current-user"]');
  expect(await roleOf(agent.id)).toBe('manager');
  expect(await teamsOf(agent.id)).toEqual([billing, handMade].sort((a, b) => a - b));
  expect(await auditAfter(agent.id, 'sso.provisioned')).toMatchObject({ role: 'manager', groups: ['sb-leads', 'sb-billing', 'unrelated'] });

  // Removed from both groups at the provider: the next sign-on takes the role and the team away.
  provider.groups.set(agent.email, ['unrelated']);
  await signInWithSso(await (await browser.newContext()).newPage(), agent.email);
  expect(await roleOf(agent.id)).toBe('agent');
  expect(await teamsOf(agent.id)).toEqual([handMade]);

  // The only active admin is not in the admins' group: they stay an admin, and the audit says why.
  provider.groups.set(admin.email, ['sb-leads']);
  await signInWithSso(await (await browser.newContext()).newPage(), admin.email);
  expect(await roleOf(admin.id)).toBe('admin');
  expect(await auditAfter(admin.id, 'sso.provisioned')).toMatchObject({ role: 'admin', demotionRefused: expect.stringContaining('last active admin') });

  // Once the agent is an admin through the admins' group, the first admin's next sign-on demotes them.
  provider.groups.set(agent.email, ['sb-admins']);
  await signInWithSso(await (await browser.newContext()).newPage(), agent.email);
  expect(await roleOf(agent.id)).toBe('admin');
  await signInWithSso(await (await browser.newContext()).newPage(), admin.email);
  expect(await roleOf(admin.id)).toBe('manager');

  // The security log shows the provisioning as a permission change.
  const logPage = await (await browser.newContext()).newPage();
  await signIn(logPage, workspace.url, agent.email);
  await logPage.goto(`${workspace.url}/admin/security?kind=permission`);
  expect(await logPage.locator('[data-testid="security-log"] tbody tr[data-action="sso.provisioned"]').count()).toBeGreaterThanOrEqual(4);
}, 180_000);

it('edits a group mapping in place on the security screen, naming the field a bad value is wrong in, and refuses a stale edit', async () => {
  const admin = await createUser(api.url, 'admin', { name: 'Eda Edit' });
  const rest = restClient(api.url);
  const support = await createTeam('Support edit');
  const before = (await rest.get('/account/sso-group-mappings', admin.token)).body.mappings as { group: string; role: string | null; teamId: number | null }[];
  const mine = [...before.map(({ group, role, teamId }) => ({ group, role, teamId })), { group: 'sb-edit-me', role: 'agent', teamId: null }];
  expect((await rest.raw('PUT', '/api/v1/account/sso-group-mappings', admin.token, { mappings: mine })).status).toBe(200);
  const index = mine.length - 1;

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await page.goto(`${workspace.url}/admin/security`);
  await page.click('[data-testid="sso-group-row"][data-group="sb-edit-me"] [data-testid="sso-group-edit"]');
  const form = '[data-testid="sso-group-edit-form"]';
  await page.waitForSelector(form);
  expect(await page.inputValue(`${form} input[name="group"]`)).toBe('sb-edit-me');
  expect(await page.inputValue(`${form} select[name="role"]`)).toBe('agent');

  // Neither role nor team: refused, the error names the field, and the form keeps what was typed.
  await page.fill(`${form} input[name="group"]`, 'sb-edited');
  await page.selectOption(`${form} select[name="role"]`, '');
  await page.click(`${form} [data-testid="sso-group-save"]`);
  const roleError = await page.waitForSelector(`${form} [data-testid="field-error"][data-field="role"]`);
  expect(await roleError.textContent()).toBe('Role: give a role, a team, or both');
  expect(await page.inputValue(`${form} input[name="group"]`)).toBe('sb-edited');
  // An empty group name is refused the same way, next to the group field.
  await page.fill(`${form} input[name="group"]`, '   ');
  await page.selectOption(`${form} select[name="role"]`, 'manager');
  await page.click(`${form} [data-testid="sso-group-save"]`);
  expect(await (await page.waitForSelector(`${form} [data-testid="field-error"][data-field="group"]`)).textContent()).toBe('Group must name a group');
  expect((await rest.get('/account/sso-group-mappings', admin.token)).body.mappings[index]).toMatchObject({ group: 'sb-edit-me', role: 'agent', teamId: null });

  // A good value: saved in place, same position, the rows around it untouched, and audited.
  await page.fill(`${form} input[name="group"]`, 'sb-edited');
  await page.selectOption(`${form} select[name="role"]`, 'manager');
  await page.selectOption(`${form} select[name="teamId"]`, String(support));
  await page.click(`${form} [data-testid="sso-group-save"]`);
  await page.waitForSelector('[data-testid="flash"]:has-text("Group mapping changed")');
  const row = page.locator('[data-testid="sso-group-row"][data-group="sb-edited"]');
  expect(await row.textContent()).toContain('manager');
  expect(await row.textContent()).toContain('Support edit');
  expect(await page.locator('[data-testid="sso-group-row"][data-group="sb-edit-me"]').count()).toBe(0);
  const after = (await rest.get('/account/sso-group-mappings', admin.token)).body.mappings;
  expect(after).toHaveLength(mine.length);
  expect(after[index]).toMatchObject({ group: 'sb-edited', role: 'manager', teamId: support });
  expect(after.slice(0, index).map((m: { group: string }) => m.group)).toEqual(before.map((m) => m.group));
  const [audit] = await sql<{ after_state: string | { mappings: { group: string }[] } }>(
    "SELECT after_state FROM audit_log WHERE action = 'settings.sso_groups_updated' ORDER BY id DESC LIMIT 1",
  );
  const audited = typeof audit.after_state === 'string' ? JSON.parse(audit.after_state) : audit.after_state;
  expect(audited.mappings[index]).toMatchObject({ group: 'sb-edited', role: 'manager' });

  // Someone else changes that row while this form is open: saving does not overwrite it.
  await page.click('[data-testid="sso-group-row"][data-group="sb-edited"] [data-testid="sso-group-edit"]');
  await page.waitForSelector(form);
  const changed = after.map(({ group, role, teamId }: { group: string; role: string | null; teamId: number | null }, i: number) => (i === index ? { group, role: 'admin', teamId } : { group, role, teamId }));
  expect((await rest.raw('PUT', '/api/v1/account/sso-group-mappings', admin.token, { mappings: changed })).status).toBe(200);
  await page.selectOption(`${form} select[name="role"]`, 'agent');
  await page.click(`${form} [data-testid="sso-group-save"]`);
  expect(await (await page.waitForSelector('[data-testid="sso-group-edit-error"]')).textContent()).toContain('changed or removed meanwhile');
  expect((await rest.get('/account/sso-group-mappings', admin.token)).body.mappings[index].role).toBe('admin');

  // Put the file's mapping back as it was for the tests after this one.
  expect((await rest.raw('PUT', '/api/v1/account/sso-group-mappings', admin.token, { mappings: before.map(({ group, role, teamId }) => ({ group, role, teamId })) })).status).toBe(200);
}, 120_000);

// Last: a second api in this process re-binds the Sequelize model classes (process-wide in
// sequelize-typescript) and passport's bearer strategy to itself, and closes its pool on the way out,
// so the file's api cannot read through models after this test.
it('the workspace offers no SSO button when the API has no provider, and the API says it is not configured', async () => {
  const plainApi = await (async () => {
    for (const key of OIDC_ENV) delete process.env[key];
    try {
      return await startApi();
    } finally {
      Object.assign(process.env, { WORKSPACE_URL: workspace.url, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret });
    }
  })();
  try {
    expect(await (await fetch(`${plainApi.url}/api/v1/auth/sso`)).json()).toEqual({ oidc: { enabled: false, label: '' } });
    const start = await fetch(`${plainApi.url}/api/v1/auth/sso/oidc/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(start.status).toBe(404);
    expect((await start.json()).message).toContain('not configured');
  } finally {
    await plainApi.close();
  }
});
