import { Form, Link, useNavigation } from '@remix-run/react';
import type { ChatSummary } from '@switchboard/contracts';
import { useEffect, useRef } from 'react';
import { chatStateLabel } from '~/chat-labels';
import { KbReplyHelper } from './KbReplyHelper';
import { LiveTicket } from './LiveTicket';

/** The open chat: its messages and, until it ends, accept/end, the reply form (typed or canned), and transfer. */
export function ChatDetail({
  current,
  entries,
  canned,
  agents,
  teams,
  userId,
  now,
}: {
  current: ChatSummary;
  entries: Array<{ id: string | number; kind: string; body: string; author?: { name: string } | null }>;
  canned: Array<{ id: number; title: string }>;
  agents: Array<{ id: number; name: string; online: boolean }>;
  teams: Array<{ id: number; name: string }>;
  userId: number;
  now: string;
}) {
  const navigation = useNavigation();
  const replyForm = useRef<HTMLFormElement>(null);
  const sending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'reply';
  // Empty the reply box once a reply went out (live reloads keep a draft in progress).
  useEffect(() => {
    if (!sending) replyForm.current?.reset();
  }, [sending]);
  return (
    <section data-testid="chat-detail">
      <h2>
        {current.visitorName} <small>{chatStateLabel(current)}</small>
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
  );
}
