import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { createWorker } from '../../apps/api/src/bootstrap.js';
import { PublishScheduledJob } from '../../apps/api/src/kb/publishing/publish-scheduled.job.js';
import { startApi, type RunningApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createUser } from '../support/people.js';

let api: RunningApi;
let worker: Awaited<ReturnType<typeof createWorker>>['worker'];
beforeAll(async () => {
  api = await startApi();
  ({ worker } = await createWorker());
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

const anonymous = () => createApiClient({ url: api.url });

describe('knowledge base articles', () => {
  it('keeps every save as a version with author and time, diffs two versions, and restores one as a new version', async () => {
    const { client, category, manager } = await kbAuthor(api.url);
    const agent = await createUser(api.url, 'agent', { name: 'Edna Editor' });
    const agentClient = createApiClient({ url: api.url, token: agent.token });
    const v1 = await client.kb.create.mutate({ categoryId: category.id, title: 'Printing', bodyMd: 'Line one\nLine two\n', tags: ['printer'] });
    const v2 = await agentClient.kb.update.mutate({
      id: v1.id,
      version: v1.version,
      title: 'Printing a page',
      bodyMd: 'Line one\nLine 2\nLine three\n',
      tags: ['printer', 'paper'],
      note: 'clearer',
    });
    expect(v2.version).toBe(v1.version + 1);

    const history = await client.kb.history.query({ id: v1.id });
    expect(history.map((h) => [h.number, h.title, h.authorId, h.note])).toEqual([
      [2, 'Printing a page', agent.id, 'clearer'],
      [1, 'Printing', manager.id, null],
    ]);
    expect(history[0].authorName).toBe('Edna Editor');
    expect(Date.parse(history[0].createdAt)).not.toBeNaN();

    const diff = await client.kb.diff.query({ id: v1.id, from: 1, to: 2 });
    expect(diff.body).toEqual([
      { op: 'same', text: 'Line one\n' },
      { op: 'removed', text: 'Line two\n' },
      { op: 'added', text: 'Line 2\nLine three\n' },
    ]);
    expect(diff.title.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual(['a page']);
    expect(diff.tags).toEqual({ added: ['paper'], removed: [] });

    // A save from a stale copy is refused and names who changed it.
    const stale = await client.kb.update.mutate({ id: v1.id, version: v1.version, title: 'Mine' }).catch((e: unknown) => e);
    expect(apiErrorKind(stale)).toBe('conflict');
    expect(apiFieldErrors(stale).version).toMatch(/Edna Editor/);

    const restored = await client.kb.restore.mutate({ id: v1.id, number: 1, version: v2.version });
    expect(restored).toMatchObject({ title: 'Printing', bodyMd: 'Line one\nLine two\n', tags: ['printer'], slug: v1.slug });
    expect((await client.kb.history.query({ id: v1.id })).map((h) => [h.number, h.note])).toEqual([
      [3, 'Restored version 1'],
      [2, 'clearer'],
      [1, null],
    ]);
    const audit = await sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_type = 'KbArticle' AND subject_id = ? ORDER BY id", [String(v1.id)]);
    expect(audit.map((a) => a.action)).toEqual(['kb.article.created', 'kb.article.updated', 'kb.article.restored']);
    expect(await client.kb.restore.mutate({ id: v1.id, number: 9, version: restored.version }).catch(apiErrorKind)).toBe('not_found');
  });

  it('publishes a scheduled article when the job runs at or after its time, not before (clock passed in)', async () => {
    const { client, category } = await kbAuthor(api.url);
    const w = uniqueWord();
    const draft = await client.kb.create.mutate({ categoryId: category.id, title: `${w} coming soon`, bodyMd: 'x' });
    // Whole seconds: the replacements carry DATETIME values to the second.
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 3 * 3_600_000);
    const scheduled = await client.kb.setState.mutate({ id: draft.id, version: draft.version, state: 'scheduled', publishAt: at });
    expect(scheduled).toMatchObject({ state: 'scheduled', publishAt: at.toISOString() });
    expect((await anonymous().kb.search.query({ q: w })).items).toEqual([]);

    const job = worker.get(PublishScheduledJob);
    expect(await job.run(new Date(at.getTime() - 60_000))).not.toContain(draft.id);
    expect((await client.kb.get.query({ id: draft.id })).state).toBe('scheduled');
    expect(await job.run(new Date(at.getTime() + 1000))).toContain(draft.id);
    const published = await client.kb.get.query({ id: draft.id });
    expect(published).toMatchObject({ state: 'published', publishedAt: at.toISOString() });
    expect((await anonymous().kb.search.query({ q: w })).items.map((i) => i.id)).toEqual([draft.id]);
    expect(await job.run(new Date(at.getTime() + 2000))).not.toContain(draft.id);

    // Scheduling needs a time in the future.
    const past = await client.kb.setState
      .mutate({ id: draft.id, version: published.version, state: 'scheduled', publishAt: new Date(Date.now() - 1000) })
      .catch((e: unknown) => e);
    expect(apiFieldErrors(past)).toHaveProperty('publishAt');
  });

  it('archiving takes an article off the public pages', async () => {
    const { client, category, publish } = await kbAuthor(api.url);
    const article = await publish({ categoryId: category.id, title: 'Old feature', bodyMd: 'x' });
    expect((await anonymous().kb.article.query({ slug: article.slug })).id).toBe(article.id);
    await client.kb.setState.mutate({ id: article.id, version: article.version, state: 'archived' });
    expect(await anonymous().kb.article.query({ slug: article.slug }).catch(apiErrorKind)).toBe('not_found');
  });

  it('renders Markdown to sanitized HTML, with breadcrumbs, translations and related articles', async () => {
    const { client, category, publish } = await kbAuthor(api.url);
    const sub = await client.kb.saveCategory.mutate({ name: 'Accounts', parentId: category.id });
    const w = uniqueWord();
    const en = await publish({
      categoryId: sub.id,
      title: `Reset your password ${w}`,
      bodyMd: `# Steps\n\n1. Open **Settings**\n2. Click [reset](https://example.test/reset)\n\n<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))`,
      tags: [w],
    });
    const de = await publish({ categoryId: sub.id, title: `Passwort zurücksetzen ${w}`, bodyMd: 'Schritte', locale: 'de', translationOf: en.id });
    const related = await publish({ categoryId: category.id, title: `Two-step sign-in ${w}`, bodyMd: 'x', tags: [w] });
    const page = await anonymous().kb.article.query({ slug: en.slug });
    expect(page.html).toContain('<h1>Steps</h1>');
    expect(page.html).toContain('<strong>Settings</strong>');
    expect(page.html).toContain('<a href="https://example.test/reset" rel="noopener noreferrer">reset</a>');
    expect(page.html).not.toMatch(/<script|onerror|href="javascript:/);
    expect(page.breadcrumbs.map((b) => b.name)).toEqual([category.name, 'Accounts']);
    expect(page.translations).toEqual([{ id: de.id, slug: de.slug, title: de.title, locale: 'de' }]);
    expect(page.related.map((r) => r.id)).toEqual([related.id]);
    expect((await anonymous().kb.article.query({ slug: de.slug })).translations.map((t) => t.id)).toEqual([en.id]);
    // Editors list the whole group from any member, drafts included.
    const fr = await client.kb.create.mutate({ categoryId: sub.id, title: `Réinitialiser ${w}`, bodyMd: 'x', locale: 'fr', translationOf: en.id });
    for (const member of [en.id, de.id, fr.id]) {
      expect((await client.kb.list.query({ translationsOf: member })).map((a) => a.id).sort()).toEqual([en.id, de.id, fr.id].sort());
    }
    expect((await client.kb.list.query({ translationsOf: related.id })).map((a) => a.id)).toEqual([related.id]);
    const clash = await client.kb.create.mutate({ categoryId: sub.id, title: 'Again', bodyMd: 'x', locale: 'de', translationOf: en.id }).catch((e: unknown) => e);
    expect(apiErrorKind(clash)).toBe('conflict');
    expect(apiFieldErrors(clash)).toHaveProperty('locale');
  });

  it('counts views, helpful/not helpful ratings with comments and deflections, and shows them to authors', async () => {
    const { client, category, publish } = await kbAuthor(api.url);
    const article = await publish({ categoryId: category.id, title: 'Counting', bodyMd: 'x' });
    const customer = createApiClient({ url: api.url, token: (await createUser(api.url, 'customer')).token });
    await anonymous().kb.recordView.mutate({ id: article.id });
    await customer.kb.recordView.mutate({ id: article.id });
    await client.kb.recordView.mutate({ id: article.id }); // staff previews do not count
    await anonymous().kb.rate.mutate({ id: article.id, helpful: true });
    await customer.kb.rate.mutate({ id: article.id, helpful: false, comment: 'Step 2 is missing' });
    await customer.kb.deflect.mutate({ articleId: article.id, query: 'cannot count' });
    const { stats } = await client.kb.get.query({ id: article.id });
    expect(stats).toEqual({ views: 2, helpful: 1, unhelpful: 1, deflections: 1 });
    expect((await client.kb.list.query({ q: 'Counting' })).find((a) => a.id === article.id)?.stats.views).toBe(2);

    // The authors read the ratings with their comments, newest first; a visitor's has no name.
    const customerName = (await sql<{ name: string }>('SELECT u.name FROM users u JOIN kb_article_ratings r ON r.user_id = u.id WHERE r.article_id = ?', [article.id]))[0].name;
    const ratings = await client.kb.ratings.query({ id: article.id });
    expect(ratings.stats).toEqual(stats);
    expect(ratings.items.map((r) => [r.helpful, r.comment, r.readerName])).toEqual([
      [false, 'Step 2 is missing', customerName],
      [true, null, null],
    ]);
    const agent = createApiClient({ url: api.url, token: (await createUser(api.url, 'agent')).token });
    expect((await agent.kb.ratings.query({ id: article.id })).items).toHaveLength(2);
    expect(apiErrorKind(await customer.kb.ratings.query({ id: article.id }).catch((e: unknown) => e))).toBe('forbidden');
    const tooLong = await customer.kb.rate.mutate({ id: article.id, helpful: true, comment: 'x'.repeat(2001) }).catch((e: unknown) => e);
    expect(apiFieldErrors(tooLong)).toHaveProperty('comment');
  });

  it('drafts an internal article from a resolved ticket with its public conversation only', async () => {
    const { client, category } = await kbAuthor(api.url);
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const customerClient = createApiClient({ url: api.url, token: customer.token });
    const agentClient = createApiClient({ url: api.url, token: agent.token });
    const ticket = await customerClient.tickets.create.mutate({ subject: 'Scanner shows error 42', description: 'Error 42 when scanning.' });
    await agentClient.tickets.reply.mutate({ id: ticket.id, body: 'Clean the glass, then restart the scanner.' });
    await agentClient.tickets.reply.mutate({ id: ticket.id, body: 'Customer is grumpy', internal: true });
    expect(await client.kb.draftFromTicket.mutate({ ticketId: ticket.id, categoryId: category.id }).catch(apiErrorKind)).toBe('bad_request');
    await agentClient.tickets.update.mutate({ id: ticket.id, status: 'resolved' });
    const draft = await agentClient.kb.draftFromTicket.mutate({ ticketId: ticket.id, categoryId: category.id });
    expect(draft).toMatchObject({ title: 'Scanner shows error 42', state: 'draft', visibility: 'internal' });
    expect(draft.bodyMd).toContain('> Error 42 when scanning.');
    expect(draft.bodyMd).toContain('Clean the glass, then restart the scanner.');
    expect(draft.bodyMd).not.toContain('grumpy');
  });
});
