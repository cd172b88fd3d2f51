import { createApiClient } from '@switchboard/trpc-client';
import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { eventually } from '../support/db.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** The knowledge-base editor in the workspace, and the KB search in a ticket's reply box. */

const { api, workspace, browser } = useBrowserStack({ workspace: true });

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
  await page.click('[data-testid="kb-helper-results"] button:has-text("Insert text")');
  expect(await page.inputValue('#composer-body')).toContain('Hold the button.');

  // Once resolved, the ticket offers to start an article from its conversation.
  expect(await page.$('[data-testid="kb-from-ticket"]')).toBeNull();
  await createApiClient({ url: api.url, token: agent.token }).tickets.update.mutate({ id: ticket.id, status: 'resolved' });
  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  await page.click('[data-testid="kb-helper"] summary');
  await Promise.all([page.waitForURL(/\/kb\/from-ticket/), page.click('[data-testid="kb-from-ticket"]')]);
  await page.selectOption('#from-category', String(category.id));
  await Promise.all([page.waitForURL(/\/kb\/\d+$/), page.click('[data-testid="kb-start-draft"]')]);
  expect(await page.inputValue('#kb-title')).toBe('Router');
  expect(await page.textContent('[data-testid="kb-state"]')).toContain('State: draft');
});

it('a manager adds, renames, moves and reorders categories, reads the search-miss report for a period, and authors see rating comments', async () => {
  const { manager, client, category: root, publish } = await kbAuthor(api.url);
  const page = await signedIn(manager.email);
  const first = await client.kb.saveCategory.mutate({ name: `First ${uniqueWord()}`, parentId: root.id, position: 0 });

  // Add a subcategory from the page: it goes last at its level.
  await page.goto(`${workspace.url}/kb/categories`);
  const second = `Second ${uniqueWord()}`;
  await page.fill('#cat-new-name', second);
  await page.selectOption('#cat-new-parent', String(root.id));
  await page.selectOption('#cat-new-role', 'manager');
  await page.click('[data-testid="kb-category-new"] button');
  const added = await eventually(async () => (await client.kb.categories.query()).find((c) => c.name === second));
  expect(added).toMatchObject({ parentId: root.id, publishRole: 'manager' });
  const order = async () => (await client.kb.categories.query()).filter((c) => c.parentId === root.id).map((c) => c.id);
  expect(await order()).toEqual([first.id, added.id]);

  // Move it up, then rename it and put it under the first one.
  await page.click(`[aria-label="Move ${second} up"]`);
  await eventually(async () => (await order())[0] === added.id);
  expect(await order()).toEqual([added.id, first.id]);
  const row = page.locator(`[data-testid="kb-category-${added.id}"]`);
  await row.locator('summary').click();
  await row.locator(`#cat-${added.id}-name`).fill('Renamed');
  await row.locator(`#cat-${added.id}-parent`).selectOption(String(first.id));
  await row.locator('button:has-text("Save")').click();
  await eventually(async () => (await client.kb.categories.query()).find((c) => c.id === added.id && c.name === 'Renamed'));
  expect((await client.kb.categories.query()).find((c) => c.id === added.id)).toMatchObject({ name: 'Renamed', parentId: first.id });

  // The report of searches that found nothing, for a period.
  const w = uniqueWord();
  const reader = await createUser(api.url, 'customer');
  await createApiClient({ url: api.url, token: reader.token }).kb.search.query({ q: `${w} missing` });
  await page.goto(`${workspace.url}/kb/searches?days=7`);
  expect(await page.textContent('[data-testid="kb-misses-report"]')).toContain(`${w} missing`);
  await page.goto(`${workspace.url}/kb/searches?from=2001-01-01&to=2001-01-31`);
  expect(await page.$('[data-testid="kb-misses-report"]')).toBeNull();

  // Ratings with comments, on the article's page for its authors.
  const article = await publish({ categoryId: first.id, title: `Rated ${w}`, bodyMd: 'x' });
  await createApiClient({ url: api.url }).kb.rate.mutate({ id: article.id, helpful: false, comment: `Missing a ${w} screenshot` });
  await page.goto(`${workspace.url}/kb/${article.id}`);
  expect(await page.textContent('[data-testid="kb-rating-comments"]')).toContain(`Not helpful · a visitor`);
  expect(await page.textContent('[data-testid="kb-rating-comments"]')).toContain(`Missing a ${w} screenshot`);
});
