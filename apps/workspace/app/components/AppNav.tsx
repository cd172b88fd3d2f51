import { Form, NavLink } from '@remix-run/react';
import { AVAILABILITIES, type Availability } from '@switchboard/contracts';
import type { SessionUser } from '~/session.server';
import { NotificationBell } from './NotificationBell';

const ROLE_LABELS: Record<string, string> = { agent: 'Agent', manager: 'Manager', admin: 'Admin' };

/**
 * The workspace's top bar: where you are, who you are, and the way out. `failedWork` (admins only) is
 * how many background jobs gave up: shown as a badge until someone retries or dismisses them.
 */
export function AppNav({
  user,
  availability,
  here,
  failedWork,
}: {
  user: SessionUser;
  availability?: Availability | null;
  here?: string;
  failedWork?: number | null;
}) {
  return (
    <header className="sb-topbar">
      <NavLink to="/tickets" className="sb-topbar__brand" aria-label="Switchboard workspace">
        <span className="sb-logo" aria-hidden="true" />
        <span className="sb-topbar__name">Switchboard</span>
      </NavLink>
      <nav className="sb-topbar__nav" aria-label="Workspace">
        <NavLink to="/tickets" end={false} className="sb-topbar__link" data-testid="nav-queue">
          Queue
        </NavLink>
        <NavLink to="/board" className="sb-topbar__link" data-testid="nav-board">
          Board
        </NavLink>
        {user.role === 'admin' || user.role === 'manager' ? (
          <NavLink to="/admin/people" className="sb-topbar__link" data-testid="nav-admin">
            Admin
          </NavLink>
        ) : null}
        <NavLink to="/kb" className="sb-topbar__link" data-testid="nav-kb">
          Knowledge base
        </NavLink>
        <NavLink to="/outbox" className="sb-topbar__link" data-testid="nav-outbox">
          Outbox
        </NavLink>
        <NavLink to="/chats" className="sb-topbar__link" data-testid="nav-chats">
          Chats
        </NavLink>
        {user.role === 'admin' && failedWork ? (
          <NavLink to="/admin/failed-work" className="sb-topbar__link" data-testid="nav-failed-work" title="Background work that gave up">
            Failed work <span className="sb-nav-badge" data-testid="nav-failed-work-count">{failedWork}</span>
          </NavLink>
        ) : null}
      </nav>
      <div className="sb-topbar__user">
        <NotificationBell />
        <span className="sb-topbar__who" title={user.email} data-testid="current-user">
          {user.name}
          <span className="sb-topbar__role">{ROLE_LABELS[user.role] ?? user.role}</span>
        </span>
        <NavLink to="/account" className="sb-button sb-button--quiet sb-button--small" data-testid="nav-account">
          Account
        </NavLink>
        {availability ? (
          <Form method="post" action="/availability" className="sb-topbar__availability" data-testid="availability-form">
            <input type="hidden" name="redirectTo" value={here ?? '/tickets'} />
            <label className="sb-visually-hidden" htmlFor="my-availability">
              Your availability
            </label>
            <select id="my-availability" name="availability" defaultValue={availability} data-testid="availability" data-current={availability}>
              {AVAILABILITIES.map((a) => (
                <option key={a} value={a}>
                  {a === 'online' ? 'Online' : a === 'away' ? 'Away' : 'Offline'}
                </option>
              ))}
            </select>
            <button type="submit" className="sb-button sb-button--quiet sb-button--small">
              Set
            </button>
          </Form>
        ) : null}
        <Form method="post" action="/logout">
          <button type="submit" className="sb-button sb-button--quiet sb-button--small" data-testid="sign-out">
            Sign out
          </button>
        </Form>
      </div>
    </header>
  );
}
