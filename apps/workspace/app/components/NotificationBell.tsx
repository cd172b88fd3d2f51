import { Link, useFetcher } from '@remix-run/react';
import type { Inbox, LiveNotificationCount } from '@switchboard/contracts';
import { useLive } from '@switchboard/ui';
import { useEffect, useState } from 'react';

/** The bell in the top bar: a live unread count, the newest notifications, mark read, links to the ticket. */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const list = useFetcher<Inbox>();
  const mark = useFetcher();

  useLive<LiveNotificationCount | { id: string; data: LiveNotificationCount }>(
    'notifications',
    (client, handlers) => client.live.notifications.subscribe(undefined, handlers),
    (value) => setUnread('data' in value ? value.data.unread : value.unread),
  );

  useEffect(() => {
    if (open) list.load('/notifications');
    // Reload the open list when the count changes (a new notification, or read elsewhere).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, unread]);

  const markRead = (id?: number) => {
    const form = new FormData();
    if (id) form.set('id', String(id));
    mark.submit(form, { method: 'post', action: '/notifications' });
  };

  return (
    <div className="sb-bell">
      <button
        type="button"
        className="sb-button sb-button--quiet sb-button--small sb-bell__button"
        aria-expanded={open}
        aria-label={`Notifications${unread ? `, ${unread} unread` : ''}`}
        data-testid="bell"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span>
        {unread ? (
          <span className="sb-bell__count" data-testid="bell-count">
            {unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="sb-bell__panel" data-testid="bell-panel">
          <div className="sb-bell__head">
            <strong>Notifications</strong>
            <button type="button" className="sb-button sb-button--quiet sb-button--small" onClick={() => markRead()} data-testid="bell-mark-all">
              Mark all read
            </button>
          </div>
          {list.data?.items.length ? (
            <ul className="sb-bell__list">
              {list.data.items.map((n) => (
                <li key={n.id} className={n.read ? 'sb-bell__item' : 'sb-bell__item sb-bell__item--unread'} data-testid="bell-item">
                  {n.ticketId ? (
                    <Link to={`/tickets/${n.ticketId}`} onClick={() => { if (!n.read) markRead(n.id); setOpen(false); }}>
                      {n.title}
                    </Link>
                  ) : n.kind === 'outbox.failed' ? (
                    // Background work that gave up (admins): the page to retry or dismiss it.
                    <Link to="/admin/failed-work" onClick={() => { if (!n.read) markRead(n.id); setOpen(false); }} data-testid="bell-failed-work">
                      {n.title}
                    </Link>
                  ) : (
                    <span>{n.title}</span>
                  )}
                  {n.body ? <span className="sb-bell__body">{n.body}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="sb-muted sb-bell__empty">{list.state === 'loading' ? 'Loading…' : 'Nothing new.'}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
