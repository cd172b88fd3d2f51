import { Link } from '@remix-run/react';
import type { ChatSummary, LiveChatList } from '@switchboard/contracts';
import { chatStateLabel } from '~/chat-labels';

/** The chats column: the agent's own (offered, transferred, queue, theirs), colleagues' chats, and the recently ended. */
export function ChatLists({ lists, colleagues, recent, streaming }: { lists: LiveChatList; colleagues: ChatSummary[]; recent: ChatSummary[]; streaming: boolean }) {
  const own: Array<[ChatSummary, string]> = [
    ...lists.offered.map((c): [ChatSummary, string] => [c, 'offered to you']),
    ...lists.transferred.map((c): [ChatSummary, string] => [c, 'transferred to you']),
    ...lists.queue.map((c): [ChatSummary, string] => [c, chatStateLabel(c)]),
    ...lists.mine.map((c): [ChatSummary, string] => [c, chatStateLabel(c)]),
  ];
  const ownIds = new Set(own.map(([c]) => c.id));
  return (
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
                  <Link to={`/chats?chat=${c.id}`}>{c.visitorName}</Link> <small>{chatStateLabel(c)}</small>
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
  );
}
