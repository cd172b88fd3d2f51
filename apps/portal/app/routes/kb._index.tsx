import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useFetcher, useLoaderData } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { KB_SORTS, type KbSort } from '@switchboard/contracts';
import { ErrorView } from '../components/error-view';
import { KbLanguageSwitcher } from '../components/kb-language-switcher';
import { readerLocale } from '../kb-locale.server';
import { readerApi, throwKbFailure } from '../kb.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.q ? `“${data.q}” · Help center · Switchboard Support` : 'Help center · Switchboard Support' },
  { name: 'description', content: 'Answers to common questions: search the help center or browse by topic.' },
];

const SORT_LABELS: Record<KbSort, string> = { relevance: 'Best match', popular: 'Most read', newest: 'Newest' };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const sortParam = url.searchParams.get('sort') ?? 'relevance';
  const sort = (KB_SORTS as readonly string[]).includes(sortParam) ? (sortParam as KbSort) : 'relevance';
  const { api } = await readerApi(request);
  try {
    const [categories, reader] = await Promise.all([api.kb.categories.query(), readerLocale(request, api)]);
    const { locale, defaultLocale, languages, setCookie } = reader;
    let result = q ? await api.kb.search.query({ q, sort, limit: 20, locale }) : null;
    // Nothing in the reader's language: show what the default language has (the page says so).
    let shownLocale = locale;
    if (result && result.items.length === 0 && locale !== defaultLocale) {
      const fallback = await api.kb.search.query({ q, sort, limit: 20, locale: defaultLocale });
      if (fallback.items.length) [result, shownLocale] = [fallback, defaultLocale];
    }
    const name = (l: string) => languages.find((x) => x.locale === l)?.name ?? l;
    return data(
      { q, sort, categories, result, locale, languages, fellBackTo: shownLocale !== locale ? name(shownLocale) : null, languageName: name(locale) },
      setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined,
    );
  } catch (error) {
    return throwKbFailure(error, 'The help center');
  }
}

/** Title suggestions while typing (with JavaScript; the plain search form works without). */
function useTitleSuggestions() {
  const fetcher = useFetcher<{ titles: { title: string; slug: string }[] }>();
  const [typed, setTyped] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { load } = fetcher;
  useEffect(() => {
    clearTimeout(timer.current);
    if (typed.trim().length < 3) return;
    timer.current = setTimeout(() => load(`/kb/titles?${new URLSearchParams({ q: typed.trim() })}`), 200);
    return () => clearTimeout(timer.current);
  }, [typed, load]);
  return { titles: typed.trim().length >= 3 ? (fetcher.data?.titles ?? []) : [], setTyped };
}

export default function HelpCenter() {
  const { q, sort, categories, result, locale, languages, fellBackTo, languageName } = useLoaderData<typeof loader>();
  const { titles, setTyped } = useTitleSuggestions();
  const top = categories.filter((c) => c.parentId === null);
  return (
    <section className="kb">
      <h1>Help center</h1>
      <KbLanguageSwitcher locale={locale} languages={languages} keep={q ? { q } : {}} />
      <Form method="get" role="search" className="kb-search" data-testid="kb-search">
        <label htmlFor="kb-q" className="visually-hidden">
          Search the help center
        </label>
        <input
          id="kb-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search for answers, e.g. reset password"
          maxLength={200}
          list="kb-titles"
          autoComplete="off"
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        <datalist id="kb-titles" data-testid="kb-titles">
          {titles.map((t) => (
            <option key={t.slug} value={t.title} />
          ))}
        </datalist>
        {q ? (
          <select name="sort" defaultValue={sort} aria-label="Sort by">
            {KB_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        ) : null}
        <button type="submit" className="button">
          Search
        </button>
      </Form>

      {result ? (
        <div className="kb-results" data-testid="kb-results" lang={fellBackTo ? undefined : locale}>
          {fellBackTo ? (
            <p className="muted" data-testid="kb-fallback">
              Nothing in {languageName} yet: showing articles in {fellBackTo}.
            </p>
          ) : null}
          {result.items.length === 0 ? (
            <p>
              Nothing found for “{q}”.
              {result.didYouMean ? (
                <>
                  {' '}
                  Did you mean{' '}
                  <Link to={`/kb?${new URLSearchParams({ q: result.didYouMean })}`} data-testid="did-you-mean">
                    {result.didYouMean}
                  </Link>
                  ?
                </>
              ) : (
                <>
                  {' '}
                  <Link to="/tickets/new">Ask our support team</Link>.
                </>
              )}
            </p>
          ) : (
            <ol className="kb-hits">
              {result.items.map((hit) => (
                <li key={hit.id}>
                  <Link to={`/kb/articles/${hit.slug}`}>{hit.title}</Link>
                  {/* The API escapes the text and only adds <mark> around matched words. */}
                  <p className="kb-snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}

      <h2>Browse by topic</h2>
      <ul className="kb-categories">
        {top.map((c) => (
          <li key={c.id}>
            <Link to={`/kb/categories/${c.slug}`}>{c.name}</Link>
            {c.description ? <p className="muted">{c.description}</p> : null}
            <ul>
              {categories
                .filter((child) => child.parentId === c.id)
                .map((child) => (
                  <li key={child.id}>
                    <Link to={`/kb/categories/${child.slug}`}>{child.name}</Link>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
