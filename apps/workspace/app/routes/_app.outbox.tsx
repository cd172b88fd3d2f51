import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { OutboundMessage } from '@switchboard/contracts';
import { apiFailure } from '~/api.server';
import { OutboxTable } from '~/components/OutboxTable';
import { Pagination } from '~/components/Pagination';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Outbox · Switchboard workspace' }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone } = await requireAgent(request);
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10) || 1);
  let result: { items: OutboundMessage[]; total: number };
  try {
    result = (await api.outbox.list.query({ page, pageSize: PAGE_SIZE })) as { items: OutboundMessage[]; total: number };
  } catch (error) {
    return apiFailure(error, request, session, {
      forbidden: 'The outbox is only available to your role when the API allows it (development setups).',
    });
  }
  return { ...result, page, now: new Date().toISOString(), timeZone };
}

export default function Outbox() {
  const { items, total, page, now, timeZone } = useLoaderData<typeof loader>();
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Outbox</h1>
      </div>
      <p className="sb-page__lede">
        Everything Switchboard sent, or would have sent, to customers. Without an email or SMS provider configured,
        messages stop here, so you can read them during development.
      </p>
      {items.length === 0 ? (
        <div className="sb-empty" data-testid="outbox-list" data-empty="true">
          Nothing has been sent yet. Replies to customers appear here.
        </div>
      ) : (
        <OutboxTable messages={items} now={now} timeZone={timeZone} />
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} noun="messages" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
