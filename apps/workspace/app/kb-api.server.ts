import type {
  KbArticleInput,
  KbCategory,
  KbDiff,
  KbEditableArticle,
  KbListItem,
  KbRatings,
  KbSearchMiss,
  KbSearchInput,
  KbSearchResult,
  KbState,
  KbUpdateArticleInput,
  KbVersion,
} from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

/** The knowledge-base procedures the editor pages and the reply box call; the real client must match. */
export interface KbProcedures {
  kb: {
    list: { query(input: { state?: KbState; q?: string; categoryId?: number; translationsOf?: number; limit?: number }): Promise<KbListItem[]> };
    get: { query(input: { id: number }): Promise<KbEditableArticle> };
    create: { mutate(input: KbArticleInput): Promise<KbEditableArticle> };
    update: { mutate(input: KbUpdateArticleInput): Promise<KbEditableArticle> };
    setState: { mutate(input: { id: number; version: number; state: KbState; publishAt?: Date }): Promise<KbEditableArticle> };
    history: { query(input: { id: number }): Promise<KbVersion[]> };
    diff: { query(input: { id: number; from: number; to: number }): Promise<KbDiff> };
    restore: { mutate(input: { id: number; number: number; version: number }): Promise<KbEditableArticle> };
    categories: { query(): Promise<KbCategory[]> };
    saveCategory: {
      mutate(input: {
        id?: number;
        parentId?: number | null;
        name: string;
        description?: string | null;
        position?: number;
        publishRole?: 'agent' | 'manager';
      }): Promise<KbCategory>;
    };
    reorderCategories: { mutate(input: { parentId: number | null; ids: number[] }): Promise<KbCategory[]> };
    ratings: { query(input: { id: number; limit?: number }): Promise<KbRatings> };
    searchMisses: { query(input?: { from?: string; to?: string; limit?: number }): Promise<KbSearchMiss[]> };
    search: { query(input: KbSearchInput): Promise<KbSearchResult> };
    draftFromTicket: { mutate(input: { ticketId: number; categoryId: number }): Promise<KbEditableArticle> };
  };
}

export function kbApi(api: ApiClient): KbProcedures {
  // No cast: if the API stops matching what these pages expect, type-checking says so here.
  return api;
}

/** The category's name with its parents, for selects: "Accounts › Passwords". */
export function categoryLabel(categories: KbCategory[], id: number): string {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const names: string[] = [];
  for (let c = byId.get(id); c && names.length < 10; c = c.parentId ? byId.get(c.parentId) : undefined) names.unshift(c.name);
  return names.join(' › ');
}

/** Form fields -> article input. Tags are comma separated. */
export function articleFromForm(form: FormData) {
  const companyId = Number(form.get('companyId'));
  return {
    categoryId: Number(form.get('categoryId')),
    title: String(form.get('title') ?? ''),
    bodyMd: String(form.get('bodyMd') ?? ''),
    tags: String(form.get('tags') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    visibility: String(form.get('visibility') ?? 'public') as 'public' | 'customers' | 'company' | 'internal',
    companyId: companyId > 0 ? companyId : null,
  };
}
