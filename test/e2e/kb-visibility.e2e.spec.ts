import { apiErrorKind, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createCompany, createUser } from '../support/people.js';

const { api } = useApi();

/** One article per visibility (two companies), plus a draft, all sharing a unique word. */
async function articles() {
  const { client, category, publish } = await kbAuthor(api.url);
  const w = uniqueWord();
  const acme = await createCompany(`Acme ${w}`);
  const globex = await createCompany(`Globex ${w}`);
  const make = (title: string, visibility: 'public' | 'customers' | 'company' | 'internal', companyId?: number) =>
    publish({ categoryId: category.id, title: `${w} ${title}`, bodyMd: `About ${w}.`, visibility, companyId });
  const a = {
    public: await make('public', 'public'),
    customers: await make('customers', 'customers'),
    acme: await make('acme', 'company', acme),
    globex: await make('globex', 'company', globex),
    internal: await make('internal', 'internal'),
    draft: await client.kb.create.mutate({ categoryId: category.id, title: `${w} draft`, bodyMd: `About ${w}.` }),
  };
  return { w, acme, globex, a };
}

describe('knowledge base visibility, enforced in SQL', () => {
  it('shows each role and company exactly the published articles it may read, in search, pages and suggestions', async () => {
    const { w, acme, a } = await articles();
    const readers = {
      anonymous: createApiClient({ url: api.url }),
      soloCustomer: createApiClient({ url: api.url, token: (await createUser(api.url, 'customer')).token }),
      acmeCustomer: createApiClient({ url: api.url, token: (await createUser(api.url, 'customer', { companyId: acme })).token }),
      agent: createApiClient({ url: api.url, token: (await createUser(api.url, 'agent')).token }),
    };
    const expected = {
      anonymous: [a.public.id],
      soloCustomer: [a.public.id, a.customers.id],
      acmeCustomer: [a.public.id, a.customers.id, a.acme.id],
      // Staff find every published article (drafts are not search results, even for staff).
      agent: [a.public.id, a.customers.id, a.acme.id, a.globex.id, a.internal.id],
    };
    for (const [who, client] of Object.entries(readers)) {
      const want = expected[who as keyof typeof expected].sort();
      const found = (await client.kb.search.query({ q: w, limit: 50 })).items.map((i) => i.id).sort();
      expect({ who, found }).toEqual({ who, found: want });
      const suggested = (await client.kb.suggest.query({ q: w })).map((i) => i.id).sort();
      expect({ who, suggested }).toEqual({ who, suggested: want });
      for (const article of [a.public, a.customers, a.acme, a.globex, a.internal]) {
        const outcome = await client.kb.article.query({ slug: article.slug }).then(
          (page) => page.id,
          (error: unknown) => apiErrorKind(error),
        );
        expect({ who, article: article.title, outcome }).toEqual({
          who,
          article: article.title,
          outcome: want.includes(article.id) ? article.id : 'not_found',
        });
      }
    }
    // A draft is not readable outside the editor, and readers cannot open the editor.
    expect(await readers.anonymous.kb.article.query({ slug: a.draft.slug }).catch(apiErrorKind)).toBe('not_found');
    expect(await readers.acmeCustomer.kb.get.query({ id: a.public.id }).catch(apiErrorKind)).toBe('forbidden');
    expect(await readers.anonymous.kb.create.mutate({ categoryId: 1, title: 'x', bodyMd: 'x' }).catch(apiErrorKind)).toBe('unauthorized');
  });

  it('lists only public articles in the sitemap, whoever asks', async () => {
    const { a } = await articles();
    const admin = createApiClient({ url: api.url, token: (await createUser(api.url, 'admin')).token });
    const slugs = (await admin.kb.sitemap.query()).map((e) => e.slug);
    expect(slugs).toContain(a.public.slug);
    for (const hidden of [a.customers, a.acme, a.internal, a.draft]) expect(slugs).not.toContain(hidden.slug);
  });

  it('lets agents publish only in categories open to agents; managers publish anywhere', async () => {
    const { client: manager } = await kbAuthor(api.url);
    const open = await manager.kb.saveCategory.mutate({ name: `Open ${uniqueWord()}` });
    const restricted = await manager.kb.saveCategory.mutate({ name: `Restricted ${uniqueWord()}`, publishRole: 'manager' });
    const agent = createApiClient({ url: api.url, token: (await createUser(api.url, 'agent')).token });
    const mine = await agent.kb.create.mutate({ categoryId: open.id, title: 'Agent article', bodyMd: 'x' });
    expect((await agent.kb.setState.mutate({ id: mine.id, version: mine.version, state: 'published' })).state).toBe('published');
    const locked = await agent.kb.create.mutate({ categoryId: restricted.id, title: 'Agent draft', bodyMd: 'x' });
    expect(await agent.kb.setState.mutate({ id: locked.id, version: locked.version, state: 'published' }).catch(apiErrorKind)).toBe('forbidden');
    // The agent may still edit it; a manager publishes it.
    const edited = await agent.kb.update.mutate({ id: locked.id, version: locked.version, bodyMd: 'better' });
    const live = await manager.kb.setState.mutate({ id: edited.id, version: edited.version, state: 'published' });
    expect(live.state).toBe('published');
    // Once live, changing it is publishing too: refused for the agent, and its content stays.
    expect(await agent.kb.update.mutate({ id: live.id, version: live.version, bodyMd: 'sneaky' }).catch(apiErrorKind)).toBe('forbidden');
    expect(await agent.kb.restore.mutate({ id: live.id, number: 1, version: live.version }).catch(apiErrorKind)).toBe('forbidden');
    // Nor can an agent move a live article of an open category into the restricted one.
    const mineLive = await agent.kb.get.query({ id: mine.id });
    expect(
      await agent.kb.update.mutate({ id: mine.id, version: mineLive.version, categoryId: restricted.id }).catch(apiErrorKind),
    ).toBe('forbidden');
    expect((await manager.kb.get.query({ id: live.id })).bodyMd).toBe('better');
    // Only managers change categories.
    expect(await agent.kb.saveCategory.mutate({ name: 'Mine' }).catch(apiErrorKind)).toBe('forbidden');
  });
});
