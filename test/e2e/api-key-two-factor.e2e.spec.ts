import { generate } from 'otplib';
import { useApi } from '../support/api.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

/**
 * API keys and required two-factor (decision 027): while the admins require two-factor for a role, a
 * key of an owner of that role who has not set two-factor up is refused with a 403 that says why,
 * over REST and the attachment routes alike; once the owner has turned it on, their keys work again.
 * A database of its own: the setting applies to every user there.
 */
const { api } = useApi({ ownDatabase: 'api_key_two_factor' });

const REFUSED = 'AUTH_API_KEY_TWO_FACTOR_REQUIRED';

it('refuses the keys of a required role until their owner enrols, names the reason, and lets them work again after', async () => {
  const rest = restClient(api.url);
  const admin = await createUser(api.url, 'admin');
  const agent = await createUser(api.url, 'agent');
  const manager = await createUser(api.url, 'manager');
  const oldKey = (await rest.post('/account/api-keys', { name: 'CI export', scope: 'write' }, agent.token)).body.secret as string;
  const managerKey = (await rest.post('/account/api-keys', { name: 'Reports', scope: 'read' }, manager.token)).body.secret as string;
  expect((await rest.get('/auth/me', oldKey)).status).toBe(200);

  expect((await rest.raw('PUT', '/api/v1/account/security-settings', admin.token, { twoFactorRoles: ['agent'] })).status).toBe(200);

  // Every call with the agent's key is refused, and the answer says what to do.
  for (const call of [rest.get('/auth/me', oldKey), rest.get('/tickets', oldKey), rest.post('/tickets', { subject: 'x', description: 'y' }, oldKey)]) {
    const res = await call;
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/two-factor sign-in for your role \(agent\) and your account has not set it up/);
  }
  // The attachment routes (plain HTTP, not procedures) refuse it the same way.
  const upload = await fetch(`${api.url}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${oldKey}` } });
  expect(upload.status).toBe(403);
  expect((await upload.json()).message).toContain('two-factor');
  // A role the setting does not name is not affected.
  expect((await rest.get('/auth/me', managerKey)).status).toBe(200);

  // The key list says so, for the owner (their held session may list keys) and on each key for an admin.
  const agentList = await rest.get('/account/api-keys', agent.token);
  expect(agentList.status).toBe(200);
  expect(agentList.body.ownKeysRefused).toEqual({ reason: 'two_factor_not_enrolled', role: 'agent' });
  expect(agentList.body.items.map((k: { name: string; refused: string | null }) => [k.name, k.refused])).toEqual([['CI export', 'two_factor_not_enrolled']]);
  const adminList = (await rest.get('/account/api-keys', admin.token)).body;
  expect(adminList.ownKeysRefused).toBeNull();
  const refusedOf = (name: string) => adminList.items.find((k: { name: string }) => k.name === name).refused;
  expect([refusedOf('CI export'), refusedOf('Reports')]).toEqual(['two_factor_not_enrolled', null]);
  expect((await rest.get('/account/api-keys', manager.token)).body.ownKeysRefused).toBeNull();

  // The agent enrols (their held session may set it up) ...
  const setup = await rest.post('/account/two-factor/setup', {}, agent.token);
  expect(setup.status).toBe(200);
  const enabled = await rest.post('/account/two-factor/enable', { code: await generate({ secret: setup.body.secret }) }, agent.token);
  expect(enabled.status).toBe(200);
  // ... and then the old key works again, and a key created now works too.
  expect((await rest.get('/auth/me', oldKey)).status).toBe(200);
  expect((await rest.get('/account/api-keys', agent.token)).body).toMatchObject({ ownKeysRefused: null, items: [{ name: 'CI export', refused: null }] });
  const newKey = await rest.post('/account/api-keys', { name: 'After enrolling', scope: 'read' }, agent.token);
  expect(newKey.status).toBe(200);
  expect((await rest.get('/tickets', newKey.body.secret)).status).toBe(200);

  // An admin resetting the agent's two-factor makes both keys wait for the next enrolment.
  expect((await rest.post('/account/two-factor/reset', { userId: agent.id }, admin.token)).status).toBe(200);
  for (const key of [oldKey, newKey.body.secret as string]) {
    const res = await rest.get('/auth/me', key);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).toContain(REFUSED);
  }

  // Turning the requirement off lets them through at once.
  expect((await rest.raw('PUT', '/api/v1/account/security-settings', admin.token, { twoFactorRoles: [] })).status).toBe(200);
  expect((await rest.get('/auth/me', oldKey)).status).toBe(200);
});
