import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { KB_STATES, type KbState } from '@switchboard/contracts';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { categoryLabel, kbApi } from '~/kb-api.server';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Knowledge base · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, user } = await requireAgent(request);
  const url = new URL(request.url);
  const stateParam = url.searchParams.get('state') ?? '';
  const state = (KB_STATES as readonly string[]).includes(stateParam) ? (stateParam as KbState) : undefined;
  const q = url.searchParams.get('q')?.trim() || undefined;
  const kb = kbApi(api).kb;
  const manager = user.role !== 'agent';
  try {
    const [articles, categories, misses] = await Promise.all([
      kb.list.query({ state, q, limit: 100 }),
      kb.categories.query(),
      manager ? kb.searchMisses.query() : Promise.resolve([]),
    ]);
    const labels = Object.fromEntries(categories.map((c) => [c.id, categoryLabel(categories, c.id)]));
    return { articles, categories, labels, misses: misses.slice(0, 20), state: state ?? '', q: q ?? '', manager };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** Managers add categories here (name, parent, who may publish in it). */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const parentId = Number(form.get('parentId')) || null;
  const name = String(form.get('name') ?? '').trim();
  const publishRole = form.get('publishRole') === 'manager' ? 'manager' : 'agent';
  try {
    await kbApi(api).kb.saveCategory.mutate({ name, parentId, publishRole });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict' || kind === 'not_found') {
      return data({ errors: apiFieldErrors(error) as Record<string, string | undefined> }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
  return redirect('/kb', { headers: await flash(session, { kind: 'success', message: `Category “${name}” added.` }) });
}

const STATE_LABELS: Record<KbState, string> = { draft: 'Draft', published: 'Published', scheduled: 'Scheduled', archived: 'Archived' };

export default function KnowledgeBase() {
  const { articles, categories, labels, misses, state, q, manager } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? {};
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Knowledge base</h1>
        <Link to="/kb/new" className="sb-button sb-button--primary" data-testid="kb-new">
          New article
        </Link>
      </div>
      <Form method="get" className="sb-form__row">
        <div className="sb-field">
          <label htmlFor="kb-q">Title contains</label>
          <input id="kb-q" name="q" defaultValue={q} />
        </div>
        <div className="sb-field">
          <label htmlFor="kb-state">State</label>
          <select id="kb-state" name="state" defaultValue={state}>
            <option value="">Any</option>
            {KB_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="sb-button">
          Filter
        </button>
      </Form>
      <div className="sb-table-wrap">
        <table className="sb-table" data-testid="kb-list">
          <thead>
            <tr>
              <th>Title</th>
              <th>Category</th>
              <th>Locale</th>
              <th>State</th>
              <th title="Views">Views</th>
              <th title="Helpful / not helpful">Helpful</th>
              <th title="Tickets not opened thanks to this article">Deflections</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/kb/${a.id}`}>{a.title}</Link>
                </td>
                <td>{labels[a.categoryId]}</td>
                <td>{a.locale}</td>
                <td>
                  {STATE_LABELS[a.state]}
                  {a.state === 'scheduled' && a.publishAt ? ` (${a.publishAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}
                </td>
                <td>{a.stats.views}</td>
                <td>
                  {a.stats.helpful} / {a.stats.unhelpful}
                </td>
                <td>{a.stats.deflections}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {manager ? (
        <div className="sb-kb-columns">
          <section>
            <h2>Searches that found nothing (30 days)</h2>
            <p>
              <Link to="/kb/searches">Full report, any period</Link> · <Link to="/kb/categories">Manage categories</Link>
            </p>
            {misses.length ? (
              <ul data-testid="kb-misses">
                {misses.map((m) => (
                  <li key={`${m.query}-${m.locale}`}>
                    “{m.query}” {m.locale ? `(${m.locale})` : ''} × {m.count}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="sb-page__lede">None yet.</p>
            )}
          </section>
          <section>
            <h2>Add a category</h2>
            <Form method="post" className="sb-form">
              <div className="sb-field">
                <label htmlFor="cat-name">Name</label>
                <input id="cat-name" name="name" required maxLength={120} aria-describedby="cat-name-error" />
                <FieldError id="cat-name-error" message={errors.name ?? errors.slug} />
              </div>
              <div className="sb-field">
                <label htmlFor="cat-parent">Inside</label>
                <select id="cat-parent" name="parentId">
                  <option value="">(top level)</option>
                  {categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {labels[c.id]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="sb-field">
                <label htmlFor="cat-role">Who may publish</label>
                <select id="cat-role" name="publishRole">
                  <option value="agent">Agents and managers</option>
                  <option value="manager">Managers only</option>
                </select>
              </div>
              <button type="submit" className="sb-button">
                Add category
              </button>
            </Form>
          </section>
        </div>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
