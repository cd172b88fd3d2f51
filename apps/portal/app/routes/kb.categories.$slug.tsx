import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ErrorView } from '../components/error-view';
import { KbBreadcrumbs } from '../components/kb-breadcrumbs';
import { KbLanguageSwitcher } from '../components/kb-language-switcher';
import { readerLocale } from '../kb-locale.server';
import { readerApi, throwKbFailure } from '../kb.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.category.name} · Help center · Switchboard Support` : 'Help center · Switchboard Support' },
  ...(data?.category.description ? [{ name: 'description', content: data.category.description }] : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await readerApi(request);
  const slug = String(params.slug ?? '');
  try {
    const { locale, defaultLocale, languages, setCookie } = await readerLocale(request, api);
    let page = await api.kb.category.query({ slug, locale });
    // Nothing written in the reader's language here yet: the default language's articles.
    if (page.articles.length === 0 && locale !== defaultLocale) page = await api.kb.category.query({ slug, locale: defaultLocale });
    return data({ ...page, locale, languages }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined);
  } catch (error) {
    return throwKbFailure(error, 'That topic');
  }
}

export default function KbCategoryPage() {
  const { category, breadcrumbs, children, articles, locale, languages } = useLoaderData<typeof loader>();
  return (
    <section className="kb">
      <KbBreadcrumbs trail={breadcrumbs.slice(0, -1)} current={category.name} />
      <h1>{category.name}</h1>
      <KbLanguageSwitcher locale={locale} languages={languages} />
      {category.description ? <p className="lead">{category.description}</p> : null}
      {children.length ? (
        <ul className="kb-categories">
          {children.map((c) => (
            <li key={c.id}>
              <Link to={`/kb/categories/${c.slug}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {articles.length ? (
        <ul className="kb-article-list" data-testid="kb-articles">
          {articles.map((a) => (
            <li key={a.id}>
              <Link to={`/kb/articles/${a.slug}`}>{a.title}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No articles here yet.</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
