import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import type { FailedWork } from '@switchboard/contracts';
import { RelativeTime } from '@switchboard/ui';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, errorText } from '~/api.server';
import { AdminTable } from '~/components/AdminTable';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { failedWorkApi } from '~/failed-work.server';
import { flash } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Failed background work · Switchboard workspace' }];

const PAGE_SIZE = 50;
const TOPIC = /^[a-z0-9_.]{1,80}$/;

function topicFrom(url: URL): string | undefined {
  const topic = url.searchParams.get('topic');
  return topic && TOPIC.test(topic) ? topic : undefined;
}
const pageHref = (topic: string | undefined, cursor?: string) => {
  const params = new URLSearchParams();
  if (topic) params.set('topic', topic);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return `/admin/failed-work${query ? `?${query}` : ''}`;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAdmin(request);
  const url = new URL(request.url);
  const topic = topicFrom(url);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  try {
    const client = failedWorkApi(api).failedWork;
    const [page, counts] = await Promise.all([client.list.query({ topic, cursor: cursor && /^\d+$/.test(cursor) ? cursor : undefined, limit: PAGE_SIZE }), client.counts.query()]);
    return { ...page, counts, topic: topic ?? null, paged: Boolean(cursor), now: new Date().toISOString(), timeZone };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** One intent per button: retry one, retry a whole topic, dismiss one. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const back = pageHref(topicFrom(new URL(request.url)));
  const client = failedWorkApi(api).failedWork;
  let message: string;
  try {
    if (intent === 'retry') message = (await client.retry.mutate({ id: Number(form.get('id')) })).message;
    else if (intent === 'dismiss') message = (await client.dismiss.mutate({ id: Number(form.get('id')) })).message;
    else if (intent === 'retry-topic') {
      const result = await client.retryTopic.mutate({ topic: String(form.get('topic') ?? '') });
      message = result.retried === 0 ? `Nothing of ${result.topic} was failed.` : `${result.retried} ${result.topic} job(s) are queued again.`;
    } else return redirect(back, { headers: await flash(session, { kind: 'error', message: 'Unknown action.' }) });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'conflict' || kind === 'not_found' || kind === 'bad_request') {
      return redirect(back, { headers: await flash(session, { kind: 'error', message: errorText(error, 'Refused.') }) });
    }
    return apiFailure(error, request, session);
  }
  return redirect(back, { headers: await flash(session, { kind: 'success', message }) });
}

export default function FailedBackgroundWork() {
  const { items, nextCursor, counts, topic, paged, now, timeZone } = useLoaderData<typeof loader>();
  const here = pageHref(topic ?? undefined);
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <div className="sb-page__head">
          <h1 className="sb-page__title">Failed background work</h1>
        </div>
        <p className="sb-page__lede">
          Emails, messages, escalations and other work that gave up after its last attempt. Retry it once the cause is fixed, or
          dismiss it; admins are alerted in the bell when something fails.
        </p>
        <nav className="sb-timeline-filter" aria-label="Topic" data-testid="failed-work-counts" data-total={counts.total}>
          <Link
            to="/admin/failed-work"
            className={`sb-timeline-filter__option${!topic ? ' sb-timeline-filter__option--current' : ''}`}
            aria-current={!topic ? 'page' : undefined}
          >
            All ({counts.total})
          </Link>
          {counts.topics.map((t) => (
            <Link
              key={t.topic}
              to={pageHref(t.topic)}
              data-testid="failed-work-topic"
              data-topic={t.topic}
              data-count={t.count}
              className={`sb-timeline-filter__option${t.topic === topic ? ' sb-timeline-filter__option--current' : ''}`}
              aria-current={t.topic === topic ? 'page' : undefined}
            >
              {t.topic} ({t.count})
            </Link>
          ))}
        </nav>
        {topic && counts.topics.some((t) => t.topic === topic) ? (
          <Form method="post" action={here}>
            <input type="hidden" name="intent" value="retry-topic" />
            <input type="hidden" name="topic" value={topic} />
            <button type="submit" className="sb-button" data-testid="failed-work-retry-topic">
              Retry all {topic}
            </button>
          </Form>
        ) : null}
        <AdminTable testId="failed-work-list" columns={['Topic', 'Subject', 'Attempts', 'Last error', 'Created', 'Failed', null]} items={items as FailedWork[]} empty="Nothing failed." wrap>
          {(w) => (
            <tr key={w.id} data-testid="failed-work-row" data-id={w.id}>
              <td>
                <span className="sb-chip">{w.topic}</span>
              </td>
              <td>
                {w.ticketId ? <Link to={`/tickets/${w.ticketId}`}>#{w.ticketId}</Link> : <span className="sb-muted">—</span>}
                {w.subject ? ` ${w.subject}` : ''}
              </td>
              <td>{w.attempts}</td>
              <td data-testid="failed-work-error">{w.lastError ?? ''}</td>
              <td>
                <RelativeTime value={w.createdAt} now={now} timeZone={timeZone} />
              </td>
              <td>{w.failedAt ? <RelativeTime value={w.failedAt} now={now} timeZone={timeZone} /> : <span className="sb-muted">—</span>}</td>
              <td>
                <Form method="post" action={here}>
                  <input type="hidden" name="id" value={w.id} />
                  <button type="submit" name="intent" value="retry" className="sb-button sb-button--small" data-testid="failed-work-retry">
                    Retry
                  </button>{' '}
                  <button type="submit" name="intent" value="dismiss" className="sb-button sb-button--quiet sb-button--small" data-testid="failed-work-dismiss">
                    Dismiss
                  </button>
                </Form>
              </td>
            </tr>
          )}
        </AdminTable>
        <nav className="sb-pagination" aria-label="Pages">
          <span className="sb-pagination__links">
            {paged ? (
              <Link to={here} className="sb-button sb-button--small">
                ← First page
              </Link>
            ) : null}
            {nextCursor ? (
              <Link to={pageHref(topic ?? undefined, nextCursor)} rel="next" className="sb-button sb-button--small" data-testid="failed-work-next">
                Next →
              </Link>
            ) : null}
          </span>
        </nav>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
