import { staffOnly, managers, publicOk, all, staffAnswer, managersAnswer, type Rows } from './rows.js';

/** Knowledge base: reading is public (filtered by visibility in SQL); staff write; managers see misses. */
export const kbRows: Rows = {
  // Knowledge base: reading is public (filtered by visibility in SQL); staff write; managers see misses.
  'kb.search': { probe: (f) => f.client.kb.search.query({ q: 'password reset' }), expect: publicOk },
  'kb.suggest': { probe: (f) => f.client.kb.suggest.query({ q: 'pass' }), expect: publicOk },
  'kb.article': { probe: (f) => f.client.kb.article.query({ slug: 'no-such-article-anywhere' }), expect: all('not_found') },
  'kb.categories': { probe: (f) => f.client.kb.categories.query(), expect: publicOk },
  'kb.category': { probe: (f) => f.client.kb.category.query({ slug: 'no-such-category-anywhere' }), expect: all('not_found') },
  'kb.sitemap': { probe: (f) => f.client.kb.sitemap.query(), expect: publicOk },
  'kb.recordView': { probe: (f) => f.client.kb.recordView.mutate({ id: 2_000_000_000 }), expect: all('not_found') },
  'kb.rate': { probe: (f) => f.client.kb.rate.mutate({ id: 2_000_000_000, helpful: true }), expect: all('not_found') },
  'kb.deflect': { probe: (f) => f.client.kb.deflect.mutate({ articleId: 2_000_000_000, query: 'x' }), expect: all('not_found') },
  'kb.list': { probe: (f) => f.client.kb.list.query({}), expect: staffOnly },
  'kb.get': { probe: (f) => f.client.kb.get.query({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
  // Refused input, so nothing is written: who may reach validation is what these rows check.
  'kb.create': { probe: (f) => f.client.kb.create.mutate({} as never), expect: staffAnswer('bad_request') },
  'kb.update': { probe: (f) => f.client.kb.update.mutate({} as never), expect: staffAnswer('bad_request') },
  'kb.setState': { probe: (f) => f.client.kb.setState.mutate({} as never), expect: staffAnswer('bad_request') },
  'kb.history': { probe: (f) => f.client.kb.history.query({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
  'kb.diff': { probe: (f) => f.client.kb.diff.query({} as never), expect: staffAnswer('bad_request') },
  'kb.restore': { probe: (f) => f.client.kb.restore.mutate({} as never), expect: staffAnswer('bad_request') },
  // The target is not resolved: staff are told so (400), customers are refused first.
  'kb.draftFromTicket': { probe: (f) => f.client.kb.draftFromTicket.mutate({ ticketId: f.target, categoryId: 2_000_000_000 }), expect: staffAnswer('bad_request') },
  'kb.saveCategory': { probe: (f) => f.client.kb.saveCategory.mutate({ name: f.unique('KB matrix') }), expect: managers },
  'kb.searchMisses': { probe: (f) => f.client.kb.searchMisses.query(), expect: managers },
  'kb.reorderCategories': { probe: (f) => f.client.kb.reorderCategories.mutate({ parentId: 2_000_000_000, ids: [1] }), expect: managersAnswer('not_found') },
  'kb.locales': { probe: (f) => f.client.kb.locales.query(), expect: publicOk },
  'kb.ratings': { probe: (f) => f.client.kb.ratings.query({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
};
