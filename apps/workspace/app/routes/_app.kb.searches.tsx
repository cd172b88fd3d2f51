import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { apiErrorKind, apiFailure } from '~/api.server';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { kbApi } from '~/kb-api.server';
import { requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Searches that found nothing · Knowledge base · Switchboard workspace' }];

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const isDay = (s: string | null): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/**
 * What customers look for and do not find (managers): searches with no result, counted once per
 * reader and day, per normalised query, over a period (UTC days; the last 30 by default).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, user } = await requireAgent(request);
  if (user.role === 'agent') throw data({ message: 'Only managers see the search report.' }, { status: 403 });
  const url = new URL(request.url);
  const days = Number(url.searchParams.get('days')) || 0;
  const today = day(Date.now());
  let from = url.searchParams.get('from');
  let to = url.searchParams.get('to');
  if (days > 0) {
    to = today;
    from = day(Date.now() - (days - 1) * DAY);
  }
  if (!isDay(to)) to = today;
  if (!isDay(from)) from = day(Date.parse(to) - 29 * DAY);
  try {
    const misses = await kbApi(api).kb.searchMisses.query({ from, to, limit: 200 });
    return { misses, from, to, error: null };
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') return { misses: [], from, to, error: '“From” must not be after “to”.' };
    return apiFailure(error, request, session);
  }
}

export default function KbSearchMisses() {
  const { misses, from, to, error } = useLoaderData<typeof loader>();
  const total = misses.reduce((n, m) => n + m.count, 0);
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Searches that found nothing</h1>
        <Link to="/kb" className="sb-button sb-button--secondary">
          Back to the knowledge base
        </Link>
      </div>
      <p className="sb-page__lede">
        What customers looked for in the help center and did not find. Each reader counts once per query and day; queries
        are compared in lower case, without punctuation.
      </p>
      <Form method="get" className="sb-form sb-form--inline" data-testid="kb-misses-period">
        <div className="sb-field">
          <label htmlFor="miss-from">From</label>
          <input id="miss-from" type="date" name="from" defaultValue={from} />
        </div>
        <div className="sb-field">
          <label htmlFor="miss-to">To</label>
          <input id="miss-to" type="date" name="to" defaultValue={to} />
        </div>
        <button type="submit" className="sb-button">
          Show
        </button>
        <span className="sb-page__lede">
          Last <Link to="?days=7">7</Link> · <Link to="?days=30">30</Link> · <Link to="?days=90">90</Link> days
        </span>
      </Form>
      {error ? (
        <p role="alert" className="sb-field__error">
          {error}
        </p>
      ) : null}
      {misses.length ? (
        <table className="sb-table" data-testid="kb-misses-report">
          <caption>
            {total} searches, {from} to {to} (UTC)
          </caption>
          <thead>
            <tr>
              <th>Query</th>
              <th>Locale</th>
              <th title="Readers per day, added up">Searches</th>
              <th>Days</th>
              <th>Last</th>
            </tr>
          </thead>
          <tbody>
            {misses.map((m) => (
              <tr key={`${m.query}\u0000${m.locale}`}>
                <td>{m.query}</td>
                <td>{m.locale || 'any'}</td>
                <td>{m.count}</td>
                <td>{m.days}</td>
                <td>{m.lastAt.slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="sb-page__lede">No search went unanswered in this period.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
