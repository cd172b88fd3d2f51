import { createApiClient } from '@switchboard/trpc-client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { chatCompany } from '../support/chat.js';
import { createUser } from '../support/people.js';

/**
 * The widget on a plain static page of another origin (a tiny local HTTP server): a visitor chats,
 * an agent accepts and answers on the workspace's Chats page, the visitor sees the answer live, and
 * after the chat ends the conversation is the ticket's timeline.
 */
const { api, workspace, browser } = useBrowserStack({ workspace: true });
let site: Server;
let siteUrl: string;
let companyId: number;

beforeAll(async () => {
  ({ companyId } = await chatCompany(api.url, { color: '#123456', invite: { afterSeconds: 1, urlPattern: '*/pricing*', message: 'Need help choosing a plan?' } }));
  site = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><head><title>Shop</title></head><body><h1>Our ${req.url === '/pricing' ? 'prices' : 'shop'}</h1>
      <script src="${api.url}/widget.js" data-company="${companyId}"></script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
}, 90_000);

afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
});

it('a visitor on a plain web page reaches an agent through the widget, and the chat is a ticket', async () => {
  const agent = await createUser(api.url, 'agent', { name: 'Ana Chat' });
  const visitorPage = await (await browser.newContext()).newPage();
  await visitorPage.goto(`${siteUrl}/pricing`);
  // Proactive invitation on a page matching the company's rule, after its delay.
  await visitorPage.locator('#sb-chat-invite').waitFor({ timeout: 10_000 });
  expect(await visitorPage.locator('#sb-chat-invite').textContent()).toBe('Need help choosing a plan?');
  expect(await visitorPage.locator('#sb-chat-launcher').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(18, 52, 86)');
  expect(await visitorPage.locator('#sb-chat-panel').isHidden()).toBe(true);
  await visitorPage.locator('#sb-chat-invite').click();
  expect(await visitorPage.locator('#sb-chat-panel').isVisible()).toBe(true);
  await visitorPage.locator('#sb-chat-input').fill('Which plan includes SSO?');
  await visitorPage.locator('#sb-chat-send').click();
  await visitorPage.locator('#sb-chat-status', { hasText: 'in the queue' }).waitFor({ timeout: 10_000 });
  // Anonymous and waiting: asked for name and email, in case the chat has to become an email ticket.
  expect(await visitorPage.locator('#sb-chat-contact').isVisible()).toBe(true);

  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/chats`);
  const entry = agentPage.locator('[data-testid="chat-list"] li', { hasText: 'waiting' }).last();
  await entry.locator('a').click();
  await agentPage.locator('[data-testid="chat-messages"]', { hasText: 'Which plan includes SSO?' }).waitFor();
  await agentPage.locator('[data-testid="chat-accept"]').click();
  await agentPage.locator('[data-testid="chat-detail"]', { hasText: 'with Ana Chat' }).waitFor();
  await visitorPage.locator('#sb-chat-status', { hasText: 'Ana Chat is chatting with you' }).waitFor({ timeout: 10_000 });
  expect(await visitorPage.locator('#sb-chat-contact').isHidden()).toBe(true);

  await agentPage.fill('#composer-body', 'The Business plan does.');
  // The agent writing a public reply shows as typing in the widget (the workspace's presence).
  await visitorPage.locator('#sb-chat-typing', { hasText: 'Ana Chat is typing' }).waitFor({ timeout: 15_000 });
  await agentPage.locator('[data-testid="chat-send"]').click();
  // Live over the widget's event stream: no reload on the visitor's page.
  await visitorPage.locator('.msg.agent', { hasText: 'The Business plan does.' }).waitFor({ timeout: 10_000 });
  await visitorPage.locator('#sb-chat-input').fill('Great, thanks!');
  await visitorPage.locator('#sb-chat-send').click();
  await agentPage.locator('[data-testid="chat-messages"]', { hasText: 'Great, thanks!' }).waitFor({ timeout: 10_000 });
  expect(await agentPage.inputValue('#composer-body')).toBe('');

  await agentPage.locator('[data-testid="chat-end"]').click();
  await visitorPage.locator('#sb-chat-status', { hasText: 'This chat has ended' }).waitFor({ timeout: 10_000 });
  expect(await visitorPage.locator('#sb-chat-form').isHidden()).toBe(true);
  // "New chat" starts over; the ended chat stays a ticket.
  await visitorPage.locator('#sb-chat-new').click();
  expect(await visitorPage.locator('#sb-chat-form').isVisible()).toBe(true);
  expect(await visitorPage.locator('.msg').count()).toBe(0);

  const chats = await createApiClient({ url: api.url, token: agent.token }).chat.list.query({ state: 'ended' });
  const ended = chats.find((c) => c.agent?.id === agent.id)!;
  const timeline = await createApiClient({ url: api.url, token: agent.token }).tickets.timeline.query({ id: ended.ticketId });
  expect(timeline.entries.filter((e) => e.kind !== 'event').map((e) => [e.kind, e.channel, e.body])).toEqual([
    ['message', 'chat', 'Which plan includes SSO?'],
    ['reply', 'chat', 'The Business plan does.'],
    ['message', 'chat', 'Great, thanks!'],
  ]);
}, 120_000);

it('an admin switches chat on for a company, sets the invitation and gets the embed snippet', async () => {
  const { admin, adminClient } = await chatCompany(api.url);
  const company = await adminClient.companies.save.mutate({ name: `Widget Admin ${Date.now()}` });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, admin.email);
  await page.goto(`${workspace.url}/admin/chat?company=${company.id}`);
  await page.check('input[name="enabled"]');
  await page.fill('#chat-invite-seconds', '12');
  await page.fill('#chat-invite-pattern', '*/docs/*');
  await page.fill('#chat-invite-message', 'Stuck? Ask us.');
  await page.click('button[type="submit"]:has-text("Save")');
  await page.getByText('Chat settings saved.').waitFor();
  await page.locator('[data-testid="chat-snippet"]', { hasText: `data-company="${company.id}"` }).waitFor();
  expect(await page.locator('#chat-secret').inputValue()).toMatch(/^[0-9a-f]{64}$/);
  const saved = await adminClient.chat.settings.query({ companyId: company.id });
  expect(saved).toMatchObject({ enabled: true, inviteAfterSeconds: 12, inviteUrlPattern: '*/docs/*', inviteMessage: 'Stuck? Ask us.' });
  expect(await page.locator('[data-testid="chat-snippet"]').textContent()).toMatch(/<script src="https?:\/\/[^"]+\/widget\.js" data-company="\d+" async><\/script>/);
}, 60_000);
