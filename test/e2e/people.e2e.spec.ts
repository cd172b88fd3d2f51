import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

const { api } = useApi({ worker: true });
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  fx = staffFixtures(api.url, (await createUser(api.url, 'admin')).token);
});

const kind = (promise: Promise<unknown>) => promise.then(() => 'ok', (e) => apiErrorKind(e));
const clientOf = (token: string) => createApiClient({ url: api.url, token });

describe('agent profiles', () => {
  it('lets an admin or a manager edit a profile: capacity, hours, time zone, languages, teams, skills', async () => {
    const agent = await fx.agent({ online: false });
    const manager = await fx.agent({ role: 'manager', online: false });
    const team = await fx.admin.people.saveTeam.mutate({ name: fx.unique('Team') });
    const skill = await fx.admin.people.saveSkill.mutate({ name: fx.unique('Skill') });
    const updated = await manager.client.people.updateAgent.mutate({
      id: agent.id,
      capacity: 7,
      timezone: 'Europe/Madrid',
      workingHours: [{ day: 1, start: '09:00', end: '17:30' }],
      languages: ['es', 'en'],
      teamIds: [team.id],
    });
    expect(updated).toMatchObject({ capacity: 7, timezone: 'Europe/Madrid', workingHours: [{ day: 1, start: '09:00', end: '17:30' }], languages: ['en', 'es'], teams: [{ id: team.id, name: team.name }] });
    const withSkills = await fx.admin.people.setSkills.mutate({ id: agent.id, skills: [{ skillId: skill.id, level: 4 }] });
    expect(withSkills.skills).toEqual([{ skillId: skill.id, name: skill.name, level: 4 }]);
    expect(await fx.admin.people.agent.query({ id: agent.id })).toMatchObject({ capacity: 7, skills: [{ level: 4 }] });
    expect((await agent.client.people.agents.query({ teamId: team.id })).map((a) => a.id)).toEqual([agent.id]);
    expect((await fx.admin.people.skills.query()).find((s) => s.id === skill.id)?.agentCount).toBe(1);
    const audit = await sql("SELECT 1 FROM audit_log WHERE action = 'agent.updated' AND subject_id = ?", [String(agent.id)]);
    expect(audit).toHaveLength(1);
  });

  it('names the field of bad input and refuses what a role may not do', async () => {
    const agent = await fx.agent({ online: false });
    const manager = await fx.agent({ role: 'manager', online: false });
    const bad = await fx.admin.people.updateAgent.mutate({ id: agent.id, timezone: 'Mars/Olympus' }).catch((e) => e);
    expect(apiErrorKind(bad)).toBe('bad_request');
    expect(apiFieldErrors(bad)).toHaveProperty('timezone');
    const badLevel = await fx.admin.people.setSkills.mutate({ id: agent.id, skills: [{ skillId: 1, level: 9 }] }).catch((e) => e);
    expect(apiFieldErrors(badLevel)).toHaveProperty(['skills.0.level']);
    const missingSkill = await fx.admin.people.setSkills.mutate({ id: agent.id, skills: [{ skillId: 999999, level: 2 }] }).catch((e) => e);
    expect(apiFieldErrors(missingSkill)).toHaveProperty(['skills.0.skillId']);
    expect(await kind(fx.admin.people.updateAgent.mutate({ id: agent.id, teamIds: [999999] }))).toBe('bad_request');
    expect(await kind(fx.admin.people.updateAgent.mutate({ id: 999999, capacity: 3 }))).toBe('not_found');

    expect(await kind(agent.client.people.updateAgent.mutate({ id: agent.id, capacity: 99 }))).toBe('forbidden');
    expect(await kind(agent.client.people.setSkills.mutate({ id: agent.id, skills: [] }))).toBe('forbidden');
    // Managers run agents but not roles, and not admins' profiles.
    expect(await kind(manager.client.people.updateAgent.mutate({ id: agent.id, role: 'admin' }))).toBe('forbidden');
    const admin2 = await createUser(api.url, 'admin');
    expect(await kind(manager.client.people.updateAgent.mutate({ id: admin2.id, capacity: 1 }))).toBe('forbidden');
    expect(await kind(fx.admin.people.updateAgent.mutate({ id: agent.id, role: 'manager' }))).toBe('ok');
    const customer = await createUser(api.url, 'customer');
    expect(await kind(clientOf(customer.token).people.agents.query())).toBe('forbidden');
    expect(await kind(fx.admin.people.updateAgent.mutate({ id: customer.id, capacity: 3 }))).toBe('not_found');
  });

  it('lets an agent set their own availability only; managers set anyone’s', async () => {
    const agent = await fx.agent({ online: false });
    const other = await fx.agent({ online: false });
    const manager = await fx.agent({ role: 'manager', online: false });
    expect((await agent.client.people.setAvailability.mutate({ availability: 'away' })).availability).toBe('away');
    expect(await kind(agent.client.people.setAvailability.mutate({ id: other.id, availability: 'online' }))).toBe('forbidden');
    expect((await manager.client.people.setAvailability.mutate({ id: other.id, availability: 'online' })).availability).toBe('online');
    const customer = await createUser(api.url, 'customer');
    expect(await kind(clientOf(customer.token).people.setAvailability.mutate({ availability: 'online' }))).toBe('forbidden');
    const rest = restClient(api.url);
    expect((await rest.post('/agents/availability', { availability: 'offline' }, agent.token)).body.availability).toBe('offline');
  });

  it('suspends an agent: their token stops working and they cannot sign in; reactivated they can', async () => {
    const agent = await fx.agent({ online: false });
    const rest = restClient(api.url);
    expect((await rest.get('/auth/me', agent.token)).status).toBe(200);
    expect(await kind(agent.client.people.updateAgent.mutate({ id: agent.id, status: 'suspended' }))).toBe('forbidden');
    await fx.admin.people.updateAgent.mutate({ id: agent.id, status: 'suspended' });
    expect((await rest.get('/auth/me', agent.token)).status).toBe(401);
    const login = await rest.post('/auth/token', { email: agent.email, password: TEST_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.message).toMatch(/suspended/);
    await fx.admin.people.updateAgent.mutate({ id: agent.id, status: 'active' });
    expect((await rest.get('/auth/me', agent.token)).status).toBe(401);
    expect((await rest.post('/auth/token', { email: agent.email, password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('skills and teams', () => {
  it('creates, renames and refuses duplicate skills; only managers and admins', async () => {
    const name = fx.unique('Billing');
    const skill = await fx.admin.people.saveSkill.mutate({ name });
    expect(await kind(fx.admin.people.saveSkill.mutate({ name }))).toBe('conflict');
    const manager = await fx.agent({ role: 'manager', online: false });
    expect((await manager.client.people.saveSkill.mutate({ id: skill.id, name: `${name} 2` })).name).toBe(`${name} 2`);
    const agent = await fx.agent({ online: false });
    expect(await kind(agent.client.people.saveSkill.mutate({ name: fx.unique('x') }))).toBe('forbidden');
    expect(await kind(fx.admin.people.saveSkill.mutate({ id: 999999, name: fx.unique('x') }))).toBe('not_found');
  });

  it('saves teams with staff members and refuses customers as members', async () => {
    const agent = await fx.agent({ online: false });
    const a = await fx.admin.people.saveTeam.mutate({ name: fx.unique('A'), routingStrategy: 'round_robin', memberIds: [agent.id] });
    expect(a).toMatchObject({ routingStrategy: 'round_robin', isDefault: false, members: [{ id: agent.id }], waiting: 0 });
    const customer = await createUser(api.url, 'customer');
    const bad = await fx.admin.people.saveTeam.mutate({ name: fx.unique('B'), memberIds: [customer.id] }).catch((e) => e);
    expect(apiFieldErrors(bad)).toHaveProperty(['memberIds.0']);
    expect(await kind(fx.admin.people.saveTeam.mutate({ name: a.name }))).toBe('conflict');
    expect(await kind(agent.client.people.saveTeam.mutate({ name: fx.unique('C') }))).toBe('forbidden');
    expect((await agent.client.people.teams.query()).some((t) => t.id === a.id)).toBe(true);
  });

  it('sets the team and skill a category routes to (managers and admins)', async () => {
    const team = await fx.admin.people.saveTeam.mutate({ name: fx.unique('T') });
    const skill = await fx.admin.people.saveSkill.mutate({ name: fx.unique('S') });
    const category = await fx.admin.catalog.saveCategory.mutate({ name: fx.unique('Cat') });
    const manager = await fx.agent({ role: 'manager', online: false });
    const rule = await manager.client.routing.setRule.mutate({ kind: 'category', id: category.id, teamId: team.id, skillId: skill.id });
    expect(rule).toEqual({ kind: 'category', id: category.id, name: category.name, teamId: team.id, skillId: skill.id });
    expect((await manager.client.routing.rules.query()).find((r) => r.kind === 'category' && r.id === category.id)).toEqual(rule);
    expect(await kind(fx.admin.routing.setRule.mutate({ kind: 'category', id: category.id, teamId: 999999, skillId: null }))).toBe('bad_request');
    expect(await kind(fx.admin.routing.setRule.mutate({ kind: 'issue_type', id: 999999, teamId: null, skillId: null }))).toBe('not_found');
    const agent = await fx.agent({ online: false });
    expect(await kind(agent.client.routing.setRule.mutate({ kind: 'category', id: category.id, teamId: null, skillId: null }))).toBe('forbidden');
  });
});

describe('invitations', () => {
  async function invitationLink(email: string) {
    const row = await eventually(async () => (await sql<{ body: string }>('SELECT body FROM outbound_messages WHERE recipient = ?', [email]))[0]);
    return row.body.match(/(http\S+\/invitation\?token=(\S+))/)!;
  }

  it('emails a signed link; accepting sets name and password, signs in, and works only once', async () => {
    const email = uniqueEmail('invitee');
    const invitation = await fx.admin.people.invite.mutate({ email, name: 'Ivy Invitee', role: 'agent' });
    expect(invitation.email).toBe(email);
    // Pending: cannot sign in yet.
    const [pending] = await sql<{ status: string; password_hash: string | null }>('SELECT status, password_hash FROM users WHERE id = ?', [invitation.userId]);
    expect(pending).toEqual({ status: 'pending', password_hash: null });
    const [, link, token] = await invitationLink(email);
    expect(link.startsWith('http://localhost:3001/invitation?token=')).toBe(true);

    const anonymous = createApiClient({ url: api.url });
    // The sign-up password policy holds here too, and a refused password does not use up the link.
    const weak = await anonymous.people.acceptInvitation.mutate({ token: decodeURIComponent(token), name: 'Ivy Agent', password: 'Password2024!' }).catch((e) => e);
    expect(apiFieldErrors(weak)).toEqual({ password: expect.stringContaining('most common passwords') });
    const accepted = await anonymous.people.acceptInvitation.mutate({ token: decodeURIComponent(token), name: 'Ivy Agent', password: 'a-good-password-1' });
    expect(accepted.user).toMatchObject({ id: invitation.userId, name: 'Ivy Agent', role: 'agent' });
    expect((await restClient(api.url).post('/auth/token', { email, password: 'a-good-password-1' })).status).toBe(200);
    const again = await anonymous.people.acceptInvitation.mutate({ token: decodeURIComponent(token), name: 'Mallory', password: 'another-password-2' }).catch((e) => e);
    expect(apiErrorKind(again)).toBe('bad_request');
    expect(apiFieldErrors(again)).toHaveProperty('token');
  });

  it('invites a pending person again: the old link stops working, the new one works', async () => {
    const email = uniqueEmail('again');
    await fx.admin.people.invite.mutate({ email, name: 'First Try', role: 'agent' });
    const [, , oldToken] = await invitationLink(email);
    const second = await fx.admin.people.invite.mutate({ email, name: 'Second Try', role: 'manager' });
    const newToken = await eventually(async () => {
      const rows = await sql<{ body: string }>('SELECT body FROM outbound_messages WHERE recipient = ? ORDER BY id', [email]);
      return rows.length === 2 ? rows[1].body.match(/\/invitation\?token=(\S+)/)![1] : null;
    });
    const anonymous = createApiClient({ url: api.url });
    const old = await anonymous.people.acceptInvitation.mutate({ token: decodeURIComponent(oldToken), name: 'X', password: 'long-enough-pw' }).catch((e) => e);
    expect(apiFieldErrors(old).token).toMatch(/expired/);
    const accepted = await anonymous.people.acceptInvitation.mutate({ token: decodeURIComponent(newToken), name: 'Mo Manager', password: 'long-enough-pw' });
    expect(accepted.user).toMatchObject({ id: second.userId, role: 'manager', name: 'Mo Manager' });
  });

  it('refuses forged tokens, taken emails, and anyone but an admin', async () => {
    const anonymous = createApiClient({ url: api.url });
    const forged = await anonymous.people.acceptInvitation.mutate({ token: 'eyJpZCI6MSwiZXhwIjo5OTk5OTk5OTk5fQ.AAAA', name: 'x', password: 'long-enough-pass' }).catch((e) => e);
    expect(apiFieldErrors(forged).token).toMatch(/not valid/);
    const taken = await createUser(api.url, 'customer');
    expect(await kind(fx.admin.people.invite.mutate({ email: taken.email, name: 'Dup', role: 'agent' }))).toBe('conflict');
    const manager = await fx.agent({ role: 'manager', online: false });
    expect(await kind(manager.client.people.invite.mutate({ email: uniqueEmail(), name: 'X', role: 'agent' }))).toBe('forbidden');
    const bad = await fx.admin.people.invite.mutate({ email: 'not-an-email', name: 'X', role: 'agent' }).catch((e) => e);
    expect(apiFieldErrors(bad)).toHaveProperty('email');
  });
});
