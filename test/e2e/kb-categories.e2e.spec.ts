import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createUser } from '../support/people.js';

const { api } = useApi();

describe('knowledge-base category management', () => {
  it('creates, renames and moves subcategories, refuses cycles, and reorders one level at a time', async () => {
    const { client, category: root } = await kbAuthor(api.url);
    const a = await client.kb.saveCategory.mutate({ name: `A ${uniqueWord()}`, parentId: root.id, position: 0 });
    const b = await client.kb.saveCategory.mutate({ name: `B ${uniqueWord()}`, parentId: root.id, position: 1 });
    const c = await client.kb.saveCategory.mutate({ name: `C ${uniqueWord()}`, parentId: root.id, position: 2 });

    // Rename keeps the slug (links stay valid); move under a sibling.
    const renamed = await client.kb.saveCategory.mutate({ id: c.id, name: 'Printers', parentId: a.id, position: 0, publishRole: 'agent' });
    expect(renamed).toMatchObject({ name: 'Printers', parentId: a.id, slug: c.slug });
    const cycle = await client.kb.saveCategory.mutate({ id: a.id, name: a.name, parentId: c.id }).catch((e: unknown) => e);
    expect(apiErrorKind(cycle)).toBe('bad_request');
    expect(apiFieldErrors(cycle)).toHaveProperty('parentId');

    const order = async () => (await client.kb.categories.query()).filter((x) => x.parentId === root.id).map((x) => x.id);
    expect(await order()).toEqual([a.id, b.id]);
    expect((await client.kb.reorderCategories.mutate({ parentId: root.id, ids: [b.id, a.id] })).map((x) => x.id)).toEqual([b.id, a.id]);
    expect(await order()).toEqual([b.id, a.id]);
    const [audit] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'kb.category.reordered' AND subject_id = ?", [root.id]);
    expect(Number(audit.n)).toBe(1);

    // A stale list (a sibling missing, or one from elsewhere) changes nothing.
    const stale = await client.kb.reorderCategories.mutate({ parentId: root.id, ids: [a.id] }).catch((e: unknown) => e);
    expect(apiErrorKind(stale)).toBe('conflict');
    expect(apiFieldErrors(stale)).toHaveProperty('ids');
    const foreign = await client.kb.reorderCategories.mutate({ parentId: root.id, ids: [a.id, c.id] }).catch((e: unknown) => e);
    expect(apiErrorKind(foreign)).toBe('conflict');
    expect(await order()).toEqual([b.id, a.id]);

    const agent = createApiClient({ url: api.url, token: (await createUser(api.url, 'agent')).token });
    expect(apiErrorKind(await agent.kb.reorderCategories.mutate({ parentId: root.id, ids: [a.id, b.id] }).catch((e: unknown) => e))).toBe('forbidden');
    expect(apiErrorKind(await agent.kb.saveCategory.mutate({ id: a.id, name: 'Mine' }).catch((e: unknown) => e))).toBe('forbidden');
  });

  it('restricts publishing in a category to managers when it says so', async () => {
    const { client, category } = await kbAuthor(api.url);
    const locked = await client.kb.saveCategory.mutate({ name: `Legal ${uniqueWord()}`, parentId: category.id, publishRole: 'manager' });
    const agent = createApiClient({ url: api.url, token: (await createUser(api.url, 'agent')).token });
    const draft = await agent.kb.create.mutate({ categoryId: locked.id, title: 'Terms', bodyMd: 'x' });
    const refused = await agent.kb.setState.mutate({ id: draft.id, version: draft.version, state: 'published' }).catch((e: unknown) => e);
    expect(apiErrorKind(refused)).toBe('forbidden');
    // The agent may publish in an open category; a manager anywhere.
    const open = await agent.kb.create.mutate({ categoryId: category.id, title: 'Open', bodyMd: 'x' });
    expect((await agent.kb.setState.mutate({ id: open.id, version: open.version, state: 'published' })).state).toBe('published');
    expect((await client.kb.setState.mutate({ id: draft.id, version: draft.version, state: 'published' })).state).toBe('published');
    // Opening the category up lets the agent take it back to draft.
    await client.kb.saveCategory.mutate({ id: locked.id, name: locked.name, parentId: category.id, publishRole: 'agent' });
    const current = await agent.kb.get.query({ id: draft.id });
    expect((await agent.kb.setState.mutate({ id: draft.id, version: current.version, state: 'draft' })).state).toBe('draft');
  });
});
