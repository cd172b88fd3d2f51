import type { LoaderFunctionArgs } from '@remix-run/node';
import { readerLocale } from '../kb-locale.server';
import { readerApi } from '../kb.server';

/** JSON for search-as-you-type: article titles matching what was typed (the last word as a prefix). */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 100);
  if (q.length < 3) return { titles: [] };
  const { api } = await readerApi(request);
  try {
    const { locale } = await readerLocale(request, api);
    return { titles: (await api.kb.suggest.query({ q, locale })).map((t) => ({ title: t.title, slug: t.slug })) };
  } catch {
    return { titles: [] };
  }
}
