import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useRevalidator } from '@remix-run/react';
import type { LiveChatList } from '@switchboard/contracts';
import { sinceLoaded, useDebounced, useLive } from '@switchboard/ui';
import { useEffect, useState } from 'react';
import { apiFailure } from '~/api.server';
import { loadChatDesk, runChatIntent } from '~/chat-desk.server';
import { ChatDetail } from '~/components/ChatDetail';
import { ChatLists } from '~/components/ChatLists';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Chats · Switchboard workspace' }];

/**
 * The agent's chats (queue, offered, transferred, theirs) arrive over live.chats as lists, the open
 * chat's messages over live.ticket (with the presence of colleagues on the same chat). Only while
 * the chats stream is down is the page re-read, this often.
 */
const FALLBACK_POLL_MS = 60_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, user } = await requireAgent(request);
  const selected = Number(new URL(request.url).searchParams.get('chat')) || null;
  try {
    return await loadChatDesk(api, user.id, selected);
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'That chat does not exist.' });
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const chatId = Number(form.get('chatId'));
  try {
    await runChatIntent(api, form, chatId);
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'That chat does not exist.' });
  }
  return redirect(`/chats?chat=${chatId}`);
}

type LiveValue = LiveChatList | { id: string; data: LiveChatList };

export default function Chats() {
  const { live: loaded, colleagues, recent, canned, current, entries, userId, agents, teams, now } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // The lists as the stream last said (or as the page loaded them, whichever is newer).
  const [lists, setLists] = useState<LiveChatList>(loaded);
  useEffect(() => setLists(loaded), [loaded]);
  const [streaming, setStreaming] = useState(false);
  const reload = useDebounced(() => revalidator.revalidate(), 300);
  useLive<LiveValue>(
    'chats',
    (client, handlers) => client.live.chats.subscribe({ lastEventId: sinceLoaded(now) }, handlers),
    (value) => {
      const list = 'data' in value ? value.data : value;
      setLists(list);
      // The open chat itself changed (accepted elsewhere, transferred, ended by the visitor): its pane is read again.
      if (current && list.changedChatId === current.id) reload();
    },
    setStreaming,
  );
  useEffect(() => {
    if (streaming) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle' && !document.activeElement?.matches('textarea, input')) revalidator.revalidate();
    }, FALLBACK_POLL_MS);
    return () => clearInterval(timer);
  }, [revalidator, streaming]);

  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Chats</h1>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '280px 1fr', gap: 16 }}>
        <ChatLists lists={lists} colleagues={colleagues} recent={recent} streaming={streaming} />
        {current ? (
          <ChatDetail current={current} entries={entries} canned={canned} agents={agents} teams={teams} userId={userId} now={now} />
        ) : (
          <p className="sb-empty">Pick a chat on the left.</p>
        )}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
