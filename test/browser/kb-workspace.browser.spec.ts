import { createApiClient } from '@switchboard/trpc-client';
import type { Browser, Page } from 'playwright-core';
import { startApi, type RunningApi } from '../support/api.js';
import { launchBrowser, signIn } from '../support/browser.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createUser } from '../support/people.js';
import { startWebApp, type RunningWebApp } from '../support/web-apps.js';

/** The knowledge-base editor in the workspace, and the KB search in a ticket's reply box. */
let api: RunningApi;
let workspace: RunningWebApp;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;

beforeAll(async () => {
  api = await startApi();
  [workspace, chromium] = await Promise.all([startWebApp('workspace', api.url), launchBrowser()]);
  browser = chromium.browser;
}, 90_000);

afterAll(async () => {
  await chromium?.close();
  await workspace?.close();
  await api?.close();
});

async function signedIn(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, email);
  return page;
}

it('an agent writes, publishes, edits, compares and restores an article', async () => {
  const { category } = await kbAuthor(api.url);
  const agent = await createUser(api.url, 'agent');
  const page = await signedIn(agent.email);
  const title = `Printer setup ${uniqueWord()}`;

  await page.goto(`${workspace.url}/kb/new`);
  await page.fill('#kb-title', title);
  await page.selectOption('#kb-category', String(category.id));
  await page.fill('#kb-tags', 'printer, setup');
  await page.fill('#kb-body', 'Plug it in.\nPress **Power**.\n');
  await Promise.all([page.waitForURL(/\/kb\/\d+$/), page.click('button:has-text("Save draft")')]);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  expect(await page.innerHTML('[data-testid="kb-preview"]')).toContain('<strong>Power</strong>');

  await Promise.all([page.waitForSelector('text=Published.'), page.click('[data-testid="kb-publish"]')]);
  expect(await page.textContent('[data-testid="kb-state"]')).toContain('published');

  await page.fill('#kb-body', 'Plug it in.\nPress **Power** for two seconds.\n');
  await page.fill('#kb-note', 'timing');
  await Promise.all([page.waitForSelector('text=Saved as a new version.'), page.click('button:has-text("Save"):not(:has-text("draft"))')]);

  await page.goto(`${workspace.url}/kb/${id}/history`);
  expect(await page.textContent('[data-testid="kb-versions"]')).toContain('timing');
  const removed = await page.textContent('[data-testid="kb-diff"] .sb-kb-diff--removed');
  const added = await page.textContent('[data-testid="kb-diff"] .sb-kb-diff--added');
  expect(removed).toContain('Press **Power**.');
  expect(added).toContain('for two seconds');

  await Promise.all([page.waitForSelector('text=Version 1 restored'), page.click('[data-testid="kb-restore-1"]')]);
  const client = createApiClient({ url: api.url, token: agent.token });
  const restored = await client.kb.get.query({ id });
  expect(restored.bodyMd).toBe('Plug it in.\nPress **Power**.\n');
  expect((await client.kb.history.query({ id })).map((v) => v.number)).toEqual([3, 2, 1]);
});

it('from the reply box an agent finds an article and inserts its link', async () => {
  const { publish, category } = await kbAuthor(api.url);
  const w = uniqueWord();
  const article = await publish({ categoryId: category.id, title: `Resetting the ${w} router`, bodyMd: 'Hold the button.' });
  const customer = await createUser(api.url, 'customer');
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Router', description: 'x' });
  const agent = await createUser(api.url, 'agent');
  const page = await signedIn(agent.email);
  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  await page.click('[data-testid="kb-helper"] summary');
  await page.fill('#kb-helper-q', w);
  await page.click('[data-testid="kb-helper"] button:has-text("Search")');
  await page.waitForSelector('[data-testid="kb-helper-results"]');
  await page.click('[data-testid="kb-helper-results"] button:has-text("Insert link")');
  expect(await page.inputValue('#composer-body')).toBe(`${article.title}: http://localhost:3000/kb/articles/${article.slug}`);
});
