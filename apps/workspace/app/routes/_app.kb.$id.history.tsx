import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { apiFailure, notFound } from '~/api.server';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { kbApi } from '~/kb-api.server';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Article history · Switchboard workspace' }];

function articleId(raw: string | undefined): number {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : notFound('That article does not exist.');
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAgent(request);
  const id = articleId(params.id);
  const url = new URL(request.url);
  const kb = kbApi(api).kb;
  try {
    const [article, versions] = await Promise.all([kb.get.query({ id }), kb.history.query({ id })]);
    const latest = versions[0]?.number ?? 1;
    const to = Number(url.searchParams.get('to')) || latest;
    const from = Number(url.searchParams.get('from')) || Math.max(1, to - 1);
    const diff = versions.length > 1 ? await kb.diff.query({ id, from, to }) : null;
    return { article, versions, diff, from, to, timeZone };
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'That article or version does not exist.' });
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const id = articleId(params.id);
  const form = await request.formData();
  const number = Number(form.get('number'));
  try {
    await kbApi(api).kb.restore.mutate({ id, number, version: Number(form.get('version')) });
  } catch (error) {
    return apiFailure(error, request, session);
  }
  return redirect(`/kb/${id}/history`, { headers: await flash(session, { kind: 'success', message: `Version ${number} restored as a new version.` }) });
}

export default function ArticleHistory() {
  const { article, versions, diff, from, to, timeZone } = useLoaderData<typeof loader>();
  const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">History of “{article.title}”</h1>
        <Link to={`/kb/${article.id}`} className="sb-button">
          Back to the article
        </Link>
      </div>
      <div className="sb-kb-columns">
        <section>
          <Form method="get" className="sb-form__row">
            <div className="sb-field">
              <label htmlFor="from">Compare version</label>
              <select id="from" name="from" defaultValue={from}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    {v.number}
                  </option>
                ))}
              </select>
            </div>
            <div className="sb-field">
              <label htmlFor="to">with</label>
              <select id="to" name="to" defaultValue={to}>
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    {v.number}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="sb-button">
              Show changes
            </button>
          </Form>
          <ol className="sb-kb-versions" data-testid="kb-versions">
            {versions.map((v, i) => (
              <li key={v.number}>
                <strong>Version {v.number}</strong> · {v.authorName ?? 'someone'} · {when(v.createdAt)}
                {v.note ? ` · ${v.note}` : ''}
                {i > 0 ? (
                  <Form method="post" className="sb-inline-form">
                    <input type="hidden" name="number" value={v.number} />
                    <input type="hidden" name="version" value={article.version} />
                    <button type="submit" className="sb-button sb-button--small" data-testid={`kb-restore-${v.number}`}>
                      Restore
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
        {diff ? (
          <section data-testid="kb-diff">
            <h2>
              Changes from version {diff.from} to {diff.to}
            </h2>
            <p className="sb-kb-diff">
              {diff.title.map((p, i) => (
                <span key={i} className={`sb-kb-diff--${p.op}`}>
                  {p.text}
                </span>
              ))}
            </p>
            {diff.tags.added.length || diff.tags.removed.length ? (
              <p>
                Tags: {diff.tags.added.map((t) => `+${t}`).join(' ')} {diff.tags.removed.map((t) => `−${t}`).join(' ')}
              </p>
            ) : null}
            <pre className="sb-kb-diff">
              {diff.body.map((p, i) => (
                <span key={i} className={`sb-kb-diff--${p.op}`}>
                  {p.text}
                </span>
              ))}
            </pre>
          </section>
        ) : null}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
