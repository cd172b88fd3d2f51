import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { config } from '~/config.server';
import { kbApi } from '~/kb-api.server';
import { requireAgent } from '~/session.server';

export interface KbLookupHit {
  id: number;
  title: string;
  url: string;
  snippetHtml: string;
  text: string;
}

/**
 * JSON for the reply box's knowledge-base search: the best published matches, with the portal
 * link and the Markdown to insert. Staff search everything published, whatever its visibility:
 * the agent decides what to send.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireAgent(request);
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200);
  if (!q) return { q, items: [] as KbLookupHit[], error: null };
  const kb = kbApi(api).kb;
  try {
    const { items } = await kb.search.query({ q, limit: 5 });
    // One HTTP request: the tRPC client batches these.
    const articles = await Promise.all(items.map((hit) => kb.get.query({ id: hit.id })));
    return {
      q,
      error: null,
      items: items.map((hit, i) => ({
        id: hit.id,
        title: hit.title,
        url: `${config.portalUrl}/kb/articles/${hit.slug}`,
        snippetHtml: hit.snippetHtml,
        text: articles[i].bodyMd,
      })),
    };
  } catch {
    return data({ q, items: [] as KbLookupHit[], error: 'The knowledge base could not be searched.' }, { status: 502 });
  }
}
