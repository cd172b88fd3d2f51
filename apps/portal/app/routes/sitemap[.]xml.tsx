import type { LoaderFunctionArgs } from '@remix-run/node';
import { anonymousApi } from '../api.server';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The public help center for search engines: the articles anyone may read without signing in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin;
  let entries: { slug: string; updatedAt: string }[] = [];
  try {
    entries = await anonymousApi(request).kb.sitemap.query();
  } catch (error) {
    console.error('[portal] sitemap failed:', error);
    return new Response('Sitemap unavailable', { status: 503 });
  }
  const urls = [
    `<url><loc>${xml(`${origin}/kb`)}</loc></url>`,
    ...entries.map((e) => `<url><loc>${xml(`${origin}/kb/articles/${e.slug}`)}</loc><lastmod>${e.updatedAt}</lastmod></url>`),
  ];
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=600' },
  });
}
