import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createUser } from '../support/people.js';

const { api } = useApi();

const anonymous = () => createApiClient({ url: api.url });

describe('knowledge base search (InnoDB FULLTEXT)', () => {
  it('ranks a title match above articles that only mention the words in the body', async () => {
    const { category, publish } = await kbAuthor(api.url);
    const w = uniqueWord();
    const inBody = await publish({
      categoryId: category.id,
      title: 'Billing questions',
      bodyMd: `If the ${w} router keeps rebooting, check the ${w} router power supply. ${w} router ${w} router.`,
    });
    const inTitle = await publish({ categoryId: category.id, title: `Rebooting the ${w} router`, bodyMd: 'Hold the button for ten seconds.' });

    const { items } = await anonymous().kb.search.query({ q: `${w} router` });
    expect(items.map((i) => i.id)).toEqual([inTitle.id, inBody.id]);
    expect(items[0].score).toBeGreaterThan(items[1].score);
    // The snippet is escaped text with the matched words marked.
    expect(items[1].snippetHtml).toContain(`<mark>${w}</mark> <mark>router</mark>`);
  });

  it('orders body-only matches by relevance: more occurrences of the words rank higher', async () => {
    const { category, publish } = await kbAuthor(api.url);
    const w = uniqueWord();
    const filler = 'Nothing else to see here. '.repeat(20);
    const once = await publish({ categoryId: category.id, title: 'Article one', bodyMd: `${filler} The ${w} appears once.` });
    const often = await publish({ categoryId: category.id, title: 'Article two', bodyMd: `${w} ${w} ${w}. The ${w} again. ${filler}` });
    const { items } = await anonymous().kb.search.query({ q: w });
    expect(items.map((i) => i.id)).toEqual([often.id, once.id]);
    // Pages continue the same order.
    expect((await anonymous().kb.search.query({ q: w, limit: 1, offset: 1 })).items.map((i) => i.id)).toEqual([once.id]);
  });

  it('searches tags, filters by tag, category (with subcategories) and locale, and sorts by popularity', async () => {
    const { client, category, publish } = await kbAuthor(api.url);
    const sub = await client.kb.saveCategory.mutate({ name: `Sub ${uniqueWord()}`, parentId: category.id });
    const other = await client.kb.saveCategory.mutate({ name: `Other ${uniqueWord()}` });
    const w = uniqueWord();
    const tagged = await publish({ categoryId: sub.id, title: 'Connecting from home', bodyMd: 'Use the client.', tags: [w, 'vpn'] });
    const german = await publish({ categoryId: other.id, title: `${w} Verbindung`, bodyMd: 'Von zu Hause verbinden.', locale: 'de' });
    const english = await publish({ categoryId: other.id, title: `${w} connection`, bodyMd: 'Connect from home.' });

    const ids = async (input: Parameters<ReturnType<typeof anonymous>['kb']['search']['query']>[0]) =>
      (await anonymous().kb.search.query(input)).items.map((i) => i.id).sort();
    expect(await ids({ q: w })).toEqual([tagged.id, german.id, english.id].sort());
    expect(await ids({ q: w, tag: w })).toEqual([tagged.id]);
    expect(await ids({ q: w, tag: 'vpn' })).toEqual([tagged.id]);
    expect(await ids({ q: w, categoryId: category.id })).toEqual([tagged.id]);
    expect(await ids({ q: w, locale: 'de' })).toEqual([german.id]);
    expect(await ids({ q: w, locale: 'en' })).toEqual([tagged.id, english.id].sort());

    for (let i = 0; i < 3; i++) await anonymous().kb.recordView.mutate({ id: english.id });
    const popular = await anonymous().kb.search.query({ q: w, sort: 'popular' });
    expect(popular.items[0].id).toBe(english.id);
    expect(popular.items[0].views).toBe(3);
  });

  it('suggests titles as you type, matching the last word as a prefix', async () => {
    const { category, publish } = await kbAuthor(api.url);
    const w = uniqueWord();
    const article = await publish({ categoryId: category.id, title: `${w} password reset`, bodyMd: 'Steps.' });
    expect((await anonymous().kb.suggest.query({ q: `${w} passw` })).map((s) => s.id)).toEqual([article.id]);
    expect(await anonymous().kb.suggest.query({ q: `${w} xyz` })).toEqual([]);
  });

  it('offers "did you mean" for a misspelt query that finds nothing, and logs the miss for managers', async () => {
    const { client, category, publish } = await kbAuthor(api.url);
    const w = uniqueWord();
    await publish({ categoryId: category.id, title: `${w} invoice download`, bodyMd: 'Open Billing, then Invoices.' });
    const result = await anonymous().kb.search.query({ q: `${w} invocie` });
    expect(result.items).toEqual([]);
    expect(result.didYouMean).toBe(`${w} invoice`);
    expect((await anonymous().kb.search.query({ q: result.didYouMean! })).items).toHaveLength(1);

    const misses = await client.kb.searchMisses.query();
    expect(misses.find((m) => m.query === `${w} invocie`)).toMatchObject({ count: 1, days: 1 });
    // The same visitor asking again is not a second reader; another reader is.
    await anonymous().kb.search.query({ q: `${w} invocie` });
    expect((await client.kb.searchMisses.query()).find((m) => m.query === `${w} invocie`)?.count).toBe(1);
    const customer = await createUser(api.url, 'customer');
    await createApiClient({ url: api.url, token: customer.token }).kb.search.query({ q: `  ${w.toUpperCase()}   Invocie?` });
    expect((await client.kb.searchMisses.query()).find((m) => m.query === `${w} invocie`)?.count).toBe(2);

    const agent = await createUser(api.url, 'agent');
    const denied = await createApiClient({ url: api.url, token: agent.token }).kb.searchMisses.query().catch((e: unknown) => e);
    expect(apiErrorKind(denied)).toBe('forbidden');
  });

  it('handles words the index cannot hold (stopwords, shorter than 3) without failing the query', async () => {
    const { category, publish } = await kbAuthor(api.url);
    const w = uniqueWord();
    const article = await publish({ categoryId: category.id, title: `IP ${w} allow list`, bodyMd: 'Add the IP to the list.' });
    // "the" is a stopword and "to" too short: dropped, so they do not make the required terms unmatchable.
    expect((await anonymous().kb.search.query({ q: `the ${w} to` })).items.map((i) => i.id)).toEqual([article.id]);
    // Nothing indexable at all: a title substring match instead.
    const ip = await anonymous().kb.search.query({ q: 'IP', limit: 50 });
    expect(ip.items.length).toBeGreaterThan(0);
    expect(ip.items.every((i) => /ip/i.test(i.title))).toBe(true);
  });

  it('is published as REST too: search without signing in, write with a bearer token', async () => {
    const { manager, category } = await kbAuthor(api.url);
    const w = uniqueWord();
    const post = await fetch(`${api.url}/api/v1/kb/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager.token}` },
      body: JSON.stringify({ categoryId: category.id, title: `${w} over REST`, bodyMd: 'Hello' }),
    });
    expect(post.status).toBe(200);
    const draft = (await post.json()) as { id: number; version: number; slug: string };
    const state = await fetch(`${api.url}/api/v1/kb/articles/by-id/${draft.id}/state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager.token}` },
      body: JSON.stringify({ version: draft.version, state: 'published' }),
    });
    expect(state.status).toBe(200);
    const found = (await (await fetch(`${api.url}/api/v1/kb/search?q=${w}&sort=newest`)).json()) as { items: { id: number }[] };
    expect(found.items.map((i) => i.id)).toEqual([draft.id]);
    const page = (await (await fetch(`${api.url}/api/v1/kb/articles/${draft.slug}`)).json()) as { html: string };
    expect(page.html).toBe('<p>Hello</p>\n');
    const anonymousPost = await fetch(`${api.url}/api/v1/kb/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymousPost.status).toBe(401);
  });

  it('rejects bad input with the field named', async () => {
    const error = await anonymous().kb.search.query({ q: '' }).catch((e: unknown) => e);
    expect(apiErrorKind(error)).toBe('bad_request');
    expect(apiFieldErrors(error)).toHaveProperty('q');
  });

  it('uses the FULLTEXT indexes', async () => {
    const plan = await sql<{ key: string | null }>(
      "EXPLAIN SELECT id FROM kb_articles a WHERE a.state = 'published' AND MATCH (a.title, a.body_text, a.tags_text, a.facets) AGAINST ('+router' IN BOOLEAN MODE) LIMIT 10",
    );
    expect(plan[0].key).toBe('kb_articles_ft_all');
  });
});
