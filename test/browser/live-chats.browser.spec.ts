import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { chatCompany } from '../support/chat.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';

/**
 * The Chats page over live.chats: a chat a visitor starts through the widget appears on an agent's
 * open page within a couple of seconds, with no reload and no re-read of the page's data (the page
 * re-reads only every 60 s, and only while its stream is down).
 */
const { api, workspace, browser } = useBrowserStack({ workspace: true });
let site: Server;
let siteUrl: string;
let companyId: number;

beforeAll(async () => {
  ({ companyId } = await chatCompany(api.url));
  site = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><head><title>Shop</title></head><body><h1>Our shop</h1>
      <script src="${api.url}/widget.js" data-company="${companyId}"></script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
}, 90_000);

afterAll(async () => {
  await new Promise((resolve) => site?.close(resolve));
});

it('a chat started in the widget appears on the agent’s open Chats page without a reload', async () => {
  const agent = await createUser(api.url, 'agent', { name: 'Lia Live' });
  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/chats`);
  // The stream is open (the page says so on its list), and the page is marked to prove it is never reloaded.
  await agentPage.locator('[data-testid="chat-list"][data-live="open"]').waitFor({ state: 'attached', timeout: 10_000 });
  await agentPage.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));
  const dataReads: string[] = [];
  agentPage.on('request', (req) => {
    if (req.url().includes('_data=')) dataReads.push(req.url());
  });

  const visitorPage = await (await browser.newContext()).newPage();
  await visitorPage.goto(siteUrl);
  await visitorPage.locator('#sb-chat-launcher').click();
  await visitorPage.locator('#sb-chat-input').fill('Do you ship to Norway?');
  await visitorPage.locator('#sb-chat-send').click();
  const chat = await eventually(async () => {
    const [row] = await sql<{ id: number; created_at: Date }>('SELECT id, created_at FROM chat_sessions WHERE company_id = ? ORDER BY id DESC LIMIT 1', [companyId]);
    return row ?? null;
  });
  const startedAt = Date.now();

  const entry = agentPage.locator(`[data-testid="chat-${chat.id}"]`);
  await entry.waitFor({ timeout: 3_000 });
  expect(Date.now() - startedAt).toBeLessThan(3_000);
  expect(await entry.textContent()).toMatch(/waiting \(#\d+ in queue\)/);
  expect(await agentPage.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');
  // Pushed, not polled: the page did not read its data again.
  expect(dataReads).toEqual([]);

  // And it is the chat: opening it shows the visitor's message.
  await entry.locator('a').click();
  await agentPage.locator('[data-testid="chat-messages"]', { hasText: 'Do you ship to Norway?' }).waitFor();
}, 90_000);
