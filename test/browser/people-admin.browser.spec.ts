import { createApiClient } from '@switchboard/trpc-client';
import { signIn } from '../support/browser.js';
import { eventually, sql } from '../support/db.js';
import { uniqueEmail } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** An admin invites an agent, the agent accepts the emailed link, the admin gives them a skill; the agent goes online. */

const { api, workspace, browser } = useBrowserStack({ workspace: true });

it('invites an agent who accepts and is given a skill', async () => {
  const admin = await createUser(api.url, 'admin', { name: 'Ada Admin' });
  const skillName = `Refunds ${Date.now().toString(36)}`;
  await createApiClient({ url: api.url, token: admin.token }).people.saveSkill.mutate({ name: skillName });
  const email = uniqueEmail('invited');

  // The admin sends the invitation from the People page.
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, workspace.url, admin.email);
  await adminPage.goto(`${workspace.url}/admin/people`);
  await adminPage.fill('[data-testid="invite-form"] input[name="email"]', email);
  await adminPage.fill('[data-testid="invite-form"] input[name="name"]', 'Nina New');
  await adminPage.selectOption('[data-testid="invite-form"] select[name="role"]', 'agent');
  await adminPage.click('[data-testid="invite-form"] button[type="submit"]');
  await adminPage.waitForSelector(`[data-testid="flash"]:has-text("Invitation sent to ${email}")`);
  await adminPage.waitForSelector(`[data-testid="person-row"][data-email="${email}"]`);
  expect(await adminPage.textContent(`[data-testid="person-row"][data-email="${email}"] [data-testid="person-status"]`)).toBe('pending');

  // The invitation email (an outbox row in the same transaction) carries the signed link.
  const payload = await eventually(async () => {
    const [row] = await sql<{ payload: string | { link: string; email: string } }>("SELECT payload FROM outbox_events WHERE topic = 'staff.invited' AND JSON_EXTRACT(payload, '$.email') = ?", [email]);
    return row ? (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) : null;
  });
  const link = new URL(payload.link);
  expect(link.pathname).toBe('/invitation');

  // The invitee opens it in their own browser, sets name and password, and lands in the workspace.
  const agentPage = await (await browser.newContext()).newPage();
  await agentPage.goto(`${workspace.url}/invitation${link.search}`);
  await agentPage.fill('input[name="name"]', 'Nina Agent');
  await agentPage.fill('input[name="password"]', 'nina-password-1');
  await Promise.all([agentPage.waitForURL((url) => url.pathname === '/tickets'), agentPage.click('[data-testid="accept-form"] button[type="submit"]')]);
  expect(await agentPage.textContent('[data-testid="current-user"]')).toContain('Nina Agent');

  // They switch themselves online from the header.
  await agentPage.selectOption('[data-testid="availability"]', 'online');
  await agentPage.click('[data-testid="availability-form"] button[type="submit"]');
  await agentPage.waitForSelector('[data-testid="flash"]:has-text("You are online.")');
  await agentPage.waitForSelector('[data-testid="availability"][data-current="online"]');

  // The admin gives the new agent the skill at level 4.
  await adminPage.goto(`${workspace.url}/admin/people`);
  await Promise.all([adminPage.waitForURL((url) => /^\/admin\/people\/\d+$/.test(url.pathname)), adminPage.click(`[data-testid="person-row"][data-email="${email}"] a`)]);
  expect(await adminPage.textContent('[data-testid="person-name"]')).toBe('Nina Agent');
  await adminPage.selectOption(`[data-testid="skills-form"] select[data-skill="${skillName}"]`, '4');
  await adminPage.click('[data-testid="skills-form"] button[type="submit"]');
  await adminPage.waitForSelector('[data-testid="flash"]:has-text("Saved.")');
  expect(await adminPage.inputValue(`[data-testid="skills-form"] select[data-skill="${skillName}"]`)).toBe('4');
  await adminPage.goto(`${workspace.url}/admin/people`);
  expect(await adminPage.textContent(`[data-testid="person-row"][data-email="${email}"] [data-testid="person-skills"]`)).toBe(`${skillName} (4)`);
  const [row] = await sql<{ status: string; availability: string; level: number }>(
    'SELECT u.status, u.availability, s.level FROM users u JOIN agent_skills s ON s.user_id = u.id WHERE u.email = ?',
    [email],
  );
  expect(row).toEqual({ status: 'active', availability: 'online', level: 4 });
}, 60_000);

it('a manager sends a category’s tickets to a team that needs a skill, from the Routing page', async () => {
  const admin = createApiClient({ url: api.url, token: (await createUser(api.url, 'admin')).token });
  const suffix = Date.now().toString(36);
  const team = await admin.people.saveTeam.mutate({ name: `Returns ${suffix}`, routingStrategy: 'skills_based' });
  const skill = await admin.people.saveSkill.mutate({ name: `Parcels ${suffix}` });
  const category = await admin.catalog.saveCategory.mutate({ name: `Lost parcels ${suffix}` });
  const manager = await createUser(api.url, 'manager');

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, manager.email);
  await page.goto(`${workspace.url}/admin/routing`);
  await page.selectOption(`select[aria-label="Team for ${category.name}"]`, String(team.id));
  await page.selectOption(`select[aria-label="Skill for ${category.name}"]`, String(skill.id));
  await page.click(`tr:has(select[aria-label="Team for ${category.name}"]) button[type="submit"]`);
  await page.waitForSelector('[data-testid="flash"]:has-text("Routing saved.")');
  const rule = (await admin.routing.rules.query()).find((r) => r.kind === 'category' && r.id === category.id);
  expect(rule).toMatchObject({ teamId: team.id, skillId: skill.id });
}, 60_000);
