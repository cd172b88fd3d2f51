import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { agentChatList, type ChatSummary, type LiveChatList } from '@switchboard/contracts';
import { sinceLoaded, useDebounced, useLive } from '@switchboard/ui';
import { useEffect, useRef, useState } from 'react';
import { apiFailure } from '~/api.server';
import { KbReplyHelper } from '~/components/KbReplyHelper';
import { LiveTicket } from '~/components/LiveTicket';
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
    const [open, recent, canned, agents, teams] = await Promise.all([
      api.chat.list.query({ state: 'open' }),
      api.chat.list.query({ state: 'ended' }),
      api.chat.cannedReplies.query(),
      api.people.agents.query(),
      api.people.teams.query(),
    ]);
    const current = selected ? [...open, ...recent].find((c) => c.id === selected) ?? (await api.chat.get.query({ chatId: selected })) : null;
    const timeline = current ? await api.tickets.timeline.query({ id: current.ticketId }) : null;
    const mineIds = (l: LiveChatList) => new Set([...l.queue, ...l.offered, ...l.transferred, ...l.mine].map((c) => c.id));
    const live = agentChatList(open, user.id);
    const ownIds = mineIds(live);
    return {
      live,
      // Offered to or with a colleague: shown for reference, refreshed with the page.
      colleagues: open.filter((c) => !ownIds.has(c.id)),
      recent: recent.slice(0, 10),
      canned,
      current,
      entries: timeline?.entries.filter((e) => e.kind !== 'event') ?? [],
      userId: user.id,
      agents: agents.filter((a) => a.status === 'active' && a.id !== user.id).map((a) => ({ id: a.id, name: a.name, online: a.availability === 'online' })),
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      now: new Date().toISOString(),
    };
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'That chat does not exist.' });
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const chatId = Number(form.get('chatId'));
  const intent = String(form.get('intent'));
  try {
    if (intent === 'accept') await api.chat.accept.mutate({ chatId });
    else if (intent === 'end') await api.chat.end.mutate({ chatId });
    else if (intent === 'transfer') {
      const agentId = Number(form.get('agentId')) || undefined;
      const teamId = Number(form.get('teamId')) || undefined;
      await api.chat.transfer.mutate({ chatId, agentId, teamId });
    } else if (intent === 'reply') {
      const canned = Number(form.get('canned'));
      let body = String(form.get('body') ?? '').trim();
      if (!body && canned) body = (await api.chat.cannedReplies.query()).find((c) => c.id === canned)?.body ?? '';
      await api.chat.reply.mutate({ chatId, body });
    }
  } catch (error) {
    return apiFailure(error, request, session, { notFound: 'That chat does not exist.' });
  }
  return redirect(`/chats?chat=${chatId}`);
}

type LiveValue = LiveChatList | { id: string; data: LiveChatList };

const stateLabel = (c: { state: string; place: number | null; assignee: { name: string } | null; agent: { name: string } | null }) =>
  c.state === 'active' ? `with ${c.agent?.name ?? 'an agent'}` : c.state === 'ended' ? 'ended' : c.place ? `waiting (#${c.place} in queue)` : `offered to ${c.assignee?.name ?? 'an agent'}`;

export default function Chats() {
  const { live: loaded, colleagues, recent, canned, current, entries, userId, agents, teams, now } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const replyForm = useRef<HTMLFormElement>(null);
  const sending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'reply';
  // Empty the reply box once a reply went out (live reloads keep a draft in progress).
  useEffect(() => {
    if (!sending) replyForm.current?.reset();
  }, [sending]);
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
  const own: Array<[ChatSummary, string]> = [
    ...lists.offered.map((c): [ChatSummary, string] => [c, 'offered to you']),
    ...lists.transferred.map((c): [ChatSummary, string] => [c, 'transferred to you']),
    ...lists.queue.map((c): [ChatSummary, string] => [c, stateLabel(c)]),
    ...lists.mine.map((c): [ChatSummary, string] => [c, stateLabel(c)]),
  ];
  const ownIds = new Set(own.map(([c]) => c.id));

  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Chats</h1>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '280px 1fr', gap: 16 }}>
        <aside>
          <h2>Incoming and active</h2>
          {own.length === 0 ? <p className="sb-empty">No chats waiting for you.</p> : null}
          <ul data-testid="chat-list" data-live={streaming ? 'open' : 'down'}>
            {own.map(([c, label]) => (
              <li key={c.id} data-testid={`chat-${c.id}`}>
                <Link to={`/chats?chat=${c.id}`}>{c.visitorName}</Link> <small>{label}</small>
              </li>
            ))}
          </ul>
          {colleagues.some((c) => !ownIds.has(c.id)) ? (
            <>
              <h2>With colleagues</h2>
              <ul data-testid="chat-colleagues">
                {colleagues
                  .filter((c) => !ownIds.has(c.id))
                  .map((c) => (
                    <li key={c.id}>
                      <Link to={`/chats?chat=${c.id}`}>{c.visitorName}</Link> <small>{stateLabel(c)}</small>
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          <h2>Recently ended</h2>
          <ul>
            {recent.map((c) => (
              <li key={c.id}>
                <Link to={`/chats?chat=${c.id}`}>{c.visitorName}</Link> <small>{c.endReason}</small>
              </li>
            ))}
          </ul>
        </aside>
        {current ? (
          <section data-testid="chat-detail">
            <h2>
              {current.visitorName} <small>{stateLabel(current)}</small>
            </h2>
            {current.state !== 'ended' ? <LiveTicket key={current.ticketId} ticketId={current.ticketId} userId={userId} loadedAt={now} /> : null}
            <p>
              <Link to={`/tickets/${current.ticketId}`}>Ticket #{current.ticketId}</Link>
              {current.visitorEmail ? ` · ${current.visitorEmail}` : ''}
              {current.pageUrl ? ` · on ${current.pageUrl}` : ''}
            </p>
            <ol data-testid="chat-messages" style={{ listStyle: 'none', padding: 0 }}>
              {entries.map((e) => (
                <li key={e.id} data-kind={e.kind}>
                  <strong>{e.author?.name ?? 'Visitor'}:</strong> {e.body}
                </li>
              ))}
            </ol>
            {current.state !== 'ended' ? (
              <>
                <Form method="post" style={{ display: 'flex', gap: 8 }}>
                  <input type="hidden" name="chatId" value={current.id} />
                  {current.state === 'waiting' ? (
                    <button className="sb-button" name="intent" value="accept" data-testid="chat-accept">
                      Accept
                    </button>
                  ) : null}
                  <button className="sb-button" name="intent" value="end" data-testid="chat-end">
                    End chat
                  </button>
                </Form>
                <Form method="post" ref={replyForm}>
                  <input type="hidden" name="chatId" value={current.id} />
                  <label htmlFor="composer-body">Reply</label>
                  <textarea id="composer-body" name="body" rows={3} style={{ width: '100%' }} data-testid="chat-reply" />
                  <label>
                    Canned reply{' '}
                    <select name="canned" defaultValue="">
                      <option value="">—</option>
                      {canned.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button className="sb-button" name="intent" value="reply" data-testid="chat-send">
                    Send
                  </button>
                </Form>
                {/* Outside the reply form (it has its own): inserts an article's link or text into the reply box. */}
                <KbReplyHelper draftFromTicketId={null} />
                <Form method="post" style={{ display: 'flex', gap: 8 }}>
                  <input type="hidden" name="chatId" value={current.id} />
                  <select name="agentId" aria-label="Transfer to agent" defaultValue="">
                    <option value="">Agent…</option>
                    {agents.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                        {a.online ? ' (online)' : ''}
                      </option>
                    ))}
                  </select>
                  <select name="teamId" aria-label="Transfer to team" defaultValue="">
                    <option value="">Team…</option>
                    {teams.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                  <button className="sb-button" name="intent" value="transfer">
                    Transfer
                  </button>
                </Form>
              </>
            ) : null}
          </section>
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
