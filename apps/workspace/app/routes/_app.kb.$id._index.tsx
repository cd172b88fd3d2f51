import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { KbState } from '@switchboard/contracts';
import { apiErrorKind, apiFailure, apiFieldErrors, notFound } from '~/api.server';
import { FieldError } from '~/components/FieldError';
import { KbArticleFields } from '~/components/KbArticleFields';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { articleFromForm, categoryLabel, kbApi } from '~/kb-api.server';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.article.title ?? 'Article'} · Switchboard workspace` }];

function articleId(raw: string | undefined): number {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : notFound('That article does not exist.');
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const id = articleId(params.id);
  try {
    const kb = kbApi(api).kb;
    const [article, categories, ratings, group] = await Promise.all([
      kb.get.query({ id }),
      kb.categories.query(),
      kb.ratings.query({ id, limit: 50 }),
      kb.list.query({ translationsOf: id, limit: 100 }),
    ]);
    const translations = group.filter((a) => a.id !== id).sort((a, b) => a.locale.localeCompare(b.locale));
    return { article, categories, ratings, translations, labels: Object.fromEntries(categories.map((c) => [c.id, categoryLabel(categories, c.id)])) };
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'That article does not exist.' });
  }
}

const DONE: Record<KbState, string> = {
  published: 'Published.',
  scheduled: 'Scheduled.',
  draft: 'Taken back to draft.',
  archived: 'Archived.',
};

/** intent=save: a new version of the content; intent=state: publish, schedule, draft or archive. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const id = articleId(params.id);
  const form = await request.formData();
  const version = Number(form.get('version'));
  const kb = kbApi(api).kb;
  try {
    if (form.get('intent') === 'state') {
      const state = String(form.get('state')) as KbState;
      const at = String(form.get('publishAt') ?? '');
      // datetime-local has no zone: the editor enters UTC (the label says so).
      const publishAt = state === 'scheduled' && at ? new Date(`${at}:00Z`) : undefined;
      await kb.setState.mutate({ id, version, state, publishAt });
      return redirect(`/kb/${id}`, { headers: await flash(session, { kind: 'success', message: DONE[state] ?? 'Saved.' }) });
    }
    await kb.update.mutate({ id, version, ...articleFromForm(form), note: String(form.get('note') ?? '') || undefined });
    return redirect(`/kb/${id}`, { headers: await flash(session, { kind: 'success', message: 'Saved as a new version.' }) });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict' || kind === 'not_found' || kind === 'forbidden') {
      const errors = apiFieldErrors(error) as Record<string, string | undefined>;
      const message = error instanceof Error ? error.message : 'Refused.';
      return data({ errors: Object.keys(errors).length ? errors : { form: message } }, { status: kind === 'forbidden' ? 403 : 400 });
    }
    return apiFailure(error, request, session);
  }
}

export default function EditArticle() {
  const { article, categories, labels, ratings, translations } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  const stateError = errors.state ?? errors.publishAt ?? errors.form;
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">{article.title}</h1>
        <span>
          <Link to={`/kb/${article.id}/history`} className="sb-button">
            History
          </Link>{' '}
          <Link to={`/kb/new?translationOf=${article.translationOf ?? article.id}`} className="sb-button">
            Translate
          </Link>
        </span>
      </div>
      <p className="sb-page__lede" data-testid="kb-state">
        {article.state === 'scheduled' ? `Scheduled for ${article.publishAt?.slice(0, 16).replace('T', ' ')} UTC` : `State: ${article.state}`} · version{' '}
        {article.version} · {article.locale} · {article.stats.views} views · {article.stats.helpful} helpful, {article.stats.unhelpful} not ·{' '}
        {article.stats.deflections} deflections
      </p>
      {translations.length ? (
        <p className="sb-page__lede" data-testid="kb-editor-translations">
          {article.translationOf ? 'Original and other languages: ' : 'Translations: '}
          {translations.map((t, i) => (
            <span key={t.id}>
              {i > 0 ? ' · ' : ''}
              <Link to={`/kb/${t.id}`} hrefLang={t.locale}>
                {t.locale}: {t.title}
              </Link>{' '}
              ({t.state})
            </span>
          ))}
        </p>
      ) : null}
      <div className="sb-kb-columns">
        <Form method="post" className="sb-form" data-testid="kb-article-form">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={article.version} />
          <KbArticleFields categories={categories} labels={labels} values={article} errors={errors} />
          <div className="sb-field">
            <label htmlFor="kb-note">What changed (optional)</label>
            <input id="kb-note" name="note" maxLength={200} />
          </div>
          <FieldError id="kb-version-error" message={errors.version} />
          <button type="submit" className="sb-button sb-button--primary">
            Save
          </button>
        </Form>
        <aside>
          <section className="sb-form">
            <h2>Publishing</h2>
            <FieldError id="kb-state-error" message={stateError} />
            <Form method="post">
              <input type="hidden" name="intent" value="state" />
              <input type="hidden" name="version" value={article.version} />
              {article.state !== 'published' ? (
                <button type="submit" name="state" value="published" className="sb-button sb-button--primary" data-testid="kb-publish">
                  Publish now
                </button>
              ) : null}{' '}
              {article.state !== 'draft' ? (
                <button type="submit" name="state" value="draft" className="sb-button">
                  Back to draft
                </button>
              ) : null}{' '}
              {article.state !== 'archived' ? (
                <button type="submit" name="state" value="archived" className="sb-button">
                  Archive
                </button>
              ) : null}
            </Form>
            <Form method="post" className="sb-form__row">
              <input type="hidden" name="intent" value="state" />
              <input type="hidden" name="version" value={article.version} />
              <div className="sb-field">
                <label htmlFor="kb-publish-at">Publish at (UTC)</label>
                <input id="kb-publish-at" name="publishAt" type="datetime-local" required />
              </div>
              <button type="submit" name="state" value="scheduled" className="sb-button">
                Schedule
              </button>
            </Form>
          </section>
          <section data-testid="kb-feedback">
            <h2>Readers’ feedback</h2>
            <p>
              {ratings.stats.views} views · {ratings.stats.helpful} found it helpful · {ratings.stats.unhelpful} did not ·{' '}
              {ratings.stats.deflections} tickets not opened thanks to it
            </p>
            {ratings.items.some((r) => r.comment) ? (
              <ul className="sb-kb-comments" data-testid="kb-rating-comments">
                {ratings.items
                  .filter((r) => r.comment)
                  .map((r) => (
                    <li key={r.id}>
                      <strong>{r.helpful ? 'Helpful' : 'Not helpful'}</strong> · {r.readerName ?? 'a visitor'} ·{' '}
                      <time dateTime={r.createdAt}>{r.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
                      <blockquote>{r.comment}</blockquote>
                    </li>
                  ))}
              </ul>
            ) : (
              <p className="sb-page__lede">No comments yet.</p>
            )}
          </section>
          <section>
            <h2>Preview</h2>
            {/* Sanitized by the API (kb/content/markdown.ts). */}
            <div className="sb-kb-preview" data-testid="kb-preview" dangerouslySetInnerHTML={{ __html: article.html }} />
          </section>
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
