import { createApiClient } from '@switchboard/trpc-client';
import { signIn } from '../support/browser.js';
import { sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** An admin switches Twilio on in the workspace (on a database of its own: it turns the channel on for everyone there). */
const { api, workspace, browser } = useBrowserStack({
  workspace: true,
  ownDatabase: 'twilio_admin',
  before: async () => {
    delete process.env.TWILIO_ACCOUNT_SID;
    delete process.env.TWILIO_AUTH_TOKEN;
  },
});

it('an admin enters the Twilio account; the token is never shown again', async () => {
  const admin = await createUser(api.url, 'admin');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await page.goto(`${workspace.url}/admin/phone`);
  expect(await page.textContent('[data-testid="twilio-status"]')).toContain('Twilio is off');

  await page.fill('#twilio-accountSid', 'AC-not-a-sid');
  await Promise.all([page.waitForSelector('[data-testid="field-error"]'), page.click('[data-testid="phone-settings"] button[type="submit"]')]);
  expect(await page.textContent('[data-testid="field-error"]')).toBe('Account SID must be an account SID (AC followed by 32 hex digits).');

  const sid = `AC${'0123456789abcdef'.repeat(2)}`;
  const token = 'browser-secret-token-42';
  await page.fill('#twilio-accountSid', sid);
  await page.fill('#twilio-authToken', token);
  await page.fill('#twilio-agentPhones', '+49 30 123456, +49 30 654321');
  await Promise.all([page.waitForSelector('[data-testid="flash"]'), page.click('[data-testid="phone-settings"] button[type="submit"]')]);
  expect(await page.textContent('[data-testid="flash"]')).toContain('Phone settings saved.');
  expect(await page.textContent('[data-testid="twilio-status"]')).toContain('Twilio is on');
  expect(await page.inputValue('#twilio-agentPhones')).toBe('+4930123456, +4930654321');
  expect(await page.inputValue('#twilio-authToken')).toBe('');
  expect(await page.content()).not.toContain(token);
  const [row] = await sql<{ account_sid: string }>('SELECT account_sid FROM twilio_settings WHERE id = 1');
  expect(row.account_sid).toBe(sid);
});

it('an admin lists the approved WhatsApp templates; an agent sends one from a WhatsApp ticket', async () => {
  const admin = await createUser(api.url, 'admin');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await page.goto(`${workspace.url}/admin/phone`);
  await page.fill('#twilio-whatsappTemplates', 'order_update=HX12');
  await Promise.all([page.waitForSelector('[data-testid="field-error"]'), page.click('[data-testid="phone-settings"] button[type="submit"]')]);
  expect(await page.textContent('[data-testid="field-error"]')).toContain('"order_update=HX12" is not name=HX…(variables)');
  const sid = `HX${'0123456789abcdef'.repeat(2)}`;
  await page.fill('#twilio-whatsappTemplates', `order_update=${sid}(name, order); hello=${sid}`);
  await Promise.all([page.waitForSelector('[data-testid="flash"]'), page.click('[data-testid="phone-settings"] button[type="submit"]')]);
  expect(await page.inputValue('#twilio-whatsappTemplates')).toBe(`order_update=${sid}(name, order); hello=${sid}`);

  const customer = await createUser(api.url, 'customer');
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Order on WhatsApp', description: 'hello' });
  await sql('UPDATE tickets SET channel = ? WHERE id = ?', ['whatsapp', ticket.id]);
  const agent = await createUser(api.url, 'agent');
  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${ticket.id}`);
  await agentPage.click('[data-testid="whatsapp-templates"] summary');
  const form = agentPage.locator('[data-testid="whatsapp-template"][data-template="order_update"]');
  await form.locator('input[name="var-name"]').fill('Marta');
  await form.locator('input[name="var-order"]').fill('#42');
  await Promise.all([agentPage.waitForSelector('[data-testid="flash"]'), form.locator('button[type="submit"]').click()]);
  expect(await agentPage.textContent('[data-testid="flash"]')).toContain('Template “order_update” sent.');
  const reply = agentPage.locator('[data-testid="timeline-entry"][data-kind="reply"]').last();
  expect(await reply.textContent()).toContain('WhatsApp template “order_update”');
  const stored = await sql<{ name: string; variables: string | Record<string, string> }>(
    'SELECT t.name, t.variables FROM ticket_entry_templates t JOIN ticket_entries e ON e.id = t.entry_id WHERE e.ticket_id = ?',
    [ticket.id],
  );
  expect(stored.map((r) => ({ name: r.name, variables: typeof r.variables === 'string' ? JSON.parse(r.variables) : r.variables }))).toEqual([
    { name: 'order_update', variables: { name: 'Marta', order: '#42' } },
  ]);
});

it('is for admins only', async () => {
  const agent = await createUser(api.url, 'agent');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  const res = await page.goto(`${workspace.url}/admin/phone`);
  expect(res?.status()).toBe(403);
});
