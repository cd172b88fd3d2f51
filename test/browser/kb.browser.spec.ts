import { createApiClient } from '@switchboard/trpc-client';
import { signIn } from '../support/browser.js';
import { sql } from '../support/db.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** The public help center in the portal, and deflection on the new-ticket form. */

const { api, portal, browser } = useBrowserStack({ portal: true });

it('a visitor who is not signed in searches, reads an article with breadcrumbs, rates it, and finds it in sitemap.xml', async () => {
  const { client, category, publish } = await kbAuthor(api.url);
  const sub = await client.kb.saveCategory.mutate({ name: `Printing ${uniqueWord()}`, parentId: category.id });
  const w = uniqueWord();
  const article = await publish({ categoryId: sub.id, title: `Fix a ${w} paper jam`, bodyMd: `Open tray **two** and remove the ${w} sheet.`, tags: ['printer'] });
  const hidden = await publish({ categoryId: sub.id, title: `${w} for customers only`, bodyMd: 'x', visibility: 'customers' });

  const page = await (await browser.newContext()).newPage();
  // Search as you type: matching titles are offered while typing.
  await page.goto(`${portal.url}/kb`);
  await page.locator('#kb-q').pressSequentially(`${w} pap`, { delay: 10 });
  await page.waitForSelector(`#kb-titles option[value="${article.title}"]`, { state: 'attached' });

  await page.goto(`${portal.url}/kb?q=${w}`);
  const results = await page.textContent('[data-testid="kb-results"]');
  expect(results).toContain(article.title);
  expect(results).not.toContain(hidden.title);
  expect(await page.innerHTML('[data-testid="kb-results"] .kb-snippet')).toContain(`<mark>${w}</mark>`);

  await Promise.all([page.waitForURL(`**/kb/articles/${article.slug}`), page.click(`text=${article.title}`)]);
  expect(await page.innerHTML('[data-testid="kb-body"]')).toContain('<strong>two</strong>');
  expect(await page.textContent('[data-testid="breadcrumbs"]')).toContain(`Help center${category.name}${sub.name}${article.title}`);
  await page.fill('textarea[name="comment"]', 'Clear steps');
  await Promise.all([page.waitForSelector('[data-testid="kb-rated"]'), page.click('[data-testid="kb-rating-form"] button[value="yes"]')]);
  const { stats } = await client.kb.get.query({ id: article.id });
  expect(stats).toMatchObject({ views: 1, helpful: 1 });

  // A misspelling offers the right word.
  await page.goto(`${portal.url}/kb?q=${w}+papr`);
  expect(await page.textContent('[data-testid="did-you-mean"]')).toBe(`${w} paper`);

  const sitemap = await (await fetch(`${portal.url}/sitemap.xml`)).text();
  expect(sitemap).toContain(`/kb/articles/${article.slug}</loc>`);
  expect(sitemap).not.toContain(hidden.slug);
});

it('while a customer types a new ticket, matching articles appear; "This solved my problem" counts a deflection and opens no ticket', async () => {
  const { publish, category, client } = await kbAuthor(api.url);
  const w = uniqueWord();
  const article = await publish({ categoryId: category.id, title: `Scanner ${w} shows a blank page`, bodyMd: 'Clean the scanner glass.' });
  const customer = await createUser(api.url, 'customer');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, portal.url, customer.email);
  await page.goto(`${portal.url}/tickets/new`);
  // Typed like a person: the suggestions follow the text once typing pauses.
  await page.locator('input[name="subject"]').pressSequentially(`my ${w} scanner is broken`, { delay: 10 });
  await page.waitForSelector(`[data-testid="deflect-${article.id}"]`);
  expect(await page.textContent('[data-testid="kb-suggestions"]')).toContain(article.title);

  await Promise.all([page.waitForURL(`**/kb/articles/${article.slug}`), page.click(`[data-testid="deflect-${article.id}"]`)]);
  expect(await page.textContent('[data-testid="flash"]')).toContain('did not open a ticket');
  expect((await client.kb.get.query({ id: article.id })).stats.deflections).toBe(1);
  const [deflection] = await sql<{ query: string; user_id: number }>('SELECT query, user_id FROM kb_deflections WHERE article_id = ?', [article.id]);
  expect(deflection).toEqual({ query: `my ${w} scanner is broken`, user_id: customer.id });
  const tickets = await createApiClient({ url: api.url, token: customer.token }).tickets.list.query({});
  expect(tickets.total).toBe(0);
});

it('without JavaScript the new-ticket form still opens a ticket', async () => {
  const customer = await createUser(api.url, 'customer');
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(page, portal.url, customer.email);
  await page.goto(`${portal.url}/tickets/new`);
  await page.fill('input[name="subject"]', 'Plain form');
  await page.fill('textarea[name="description"]', 'No scripts here');
  await Promise.all([page.waitForURL(/\/tickets\/\d+$/), page.click('button:has-text("Send ticket")')]);
  const tickets = await createApiClient({ url: api.url, token: customer.token }).tickets.list.query({});
  expect(tickets.items.map((t) => t.subject)).toEqual(['Plain form']);
});
