import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { ErrorView } from '../components/error-view';
import { Flash, FormError } from '../components/flash';
import { KbBreadcrumbs } from '../components/kb-breadcrumbs';
import { formFailure } from '../api.server';
import { languageName, readerLocale } from '../kb-locale.server';
import { readerApi, throwKbFailure } from '../kb.server';
import { commitSession, takeFlash } from '../session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.title} · Help center · Switchboard Support` : 'Help center · Switchboard Support' },
  // Every language version of the article names the others, so search engines serve each reader theirs.
  ...(data && data.article.translations.length
    ? [data.article, ...data.article.translations].map((t) => ({
        tagName: 'link',
        rel: 'alternate',
        hrefLang: t.locale,
        href: `${data.origin}/kb/articles/${t.slug}`,
      }))
    : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await readerApi(request);
  let article;
  try {
    article = await api.kb.article.query({ slug: String(params.slug ?? '') });
  } catch (error) {
    return throwKbFailure(error, 'That article');
  }
  // Counting a view must never cost the reader the page.
  const [reader] = await Promise.all([
    readerLocale(request, api).catch(() => null),
    api.kb.recordView.mutate({ id: article.id }).catch(() => undefined),
  ]);
  // The reader reads another language and this article is written in it too: say so (no redirect:
  // a link to this language version was followed on purpose).
  const inTheirs = reader && reader.locale !== article.locale ? article.translations.find((t) => t.locale === reader.locale) : undefined;
  const theirs = inTheirs ? { ...inTheirs, language: languageName(inTheirs.locale) } : null;
  const languages = Object.fromEntries(article.translations.map((t) => [t.locale, languageName(t.locale)]));
  const flash = takeFlash(session);
  const headers = new Headers();
  if (flash) headers.append('Set-Cookie', await commitSession(session));
  if (reader?.setCookie) headers.append('Set-Cookie', reader.setCookie);
  return data({ article, flash, theirs, languages, origin: new URL(request.url).origin }, { headers });
}

/** Rating the article changes nothing on the page but the form: no reload, so no second view is counted. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, currentUrl, nextUrl, defaultShouldRevalidate }) =>
  formMethod === 'POST' && currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session } = await readerApi(request);
  const form = await request.formData();
  const id = Number(form.get('articleId'));
  const helpful = form.get('helpful') === 'yes';
  const comment = String(form.get('comment') ?? '').slice(0, 2000);
  try {
    await api.kb.rate.mutate({ id, helpful, comment: comment || undefined });
    return { rated: helpful ? 'yes' : 'no', formError: null };
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ rated: null, formError: failure.formError ?? `Could not rate ${params.slug}` }, { status: failure.status });
  }
}

export default function KbArticlePage() {
  const { article, flash, theirs, languages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <article className="kb kb-article" lang={article.locale}>
      <KbBreadcrumbs trail={article.breadcrumbs} current={article.title} />
      <Flash message={flash} />
      {theirs ? (
        <p className="kb-translation-notice" data-testid="kb-in-your-language" lang={theirs.locale}>
          <Link to={`/kb/articles/${theirs.slug}?lang=${theirs.locale}`} hrefLang={theirs.locale}>
            {theirs.language}: {theirs.title}
          </Link>
        </p>
      ) : null}
      <h1>{article.title}</h1>
      {article.translations.length ? (
        <p className="kb-translations" data-testid="kb-translations">
          Also in:{' '}
          {article.translations.map((t, i) => (
            <span key={t.id}>
              {i > 0 ? ', ' : ''}
              <Link to={`/kb/articles/${t.slug}?lang=${t.locale}`} hrefLang={t.locale} lang={t.locale}>
                {languages[t.locale]}: {t.title}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {/* Rendered from Markdown and sanitized by the API (kb/content/markdown.ts). */}
      <div className="kb-body" data-testid="kb-body" dangerouslySetInnerHTML={{ __html: article.html }} />

      <section className="kb-rating" aria-labelledby="kb-rating-title">
        {result?.rated ? (
          <p data-testid="kb-rated" role="status">
            Thanks for your feedback!
          </p>
        ) : (
          <Form method="post" data-testid="kb-rating-form">
            <h2 id="kb-rating-title">Was this article helpful?</h2>
            <FormError message={result?.formError} />
            <input type="hidden" name="articleId" value={article.id} />
            <label htmlFor="kb-comment">Anything we should add? (optional)</label>
            <textarea id="kb-comment" name="comment" rows={2} maxLength={2000} />
            <div className="form__actions">
              <button type="submit" name="helpful" value="yes" className="button">
                Yes
              </button>
              <button type="submit" name="helpful" value="no" className="button button--secondary">
                No
              </button>
            </div>
          </Form>
        )}
      </section>

      {article.related.length ? (
        <section className="kb-related" aria-labelledby="kb-related-title">
          <h2 id="kb-related-title">Related articles</h2>
          <ul data-testid="kb-related">
            {article.related.map((r) => (
              <li key={r.id}>
                <Link to={`/kb/articles/${r.slug}`}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted">
        Still stuck? <Link to="/tickets/new">Ask our support team</Link>.
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
