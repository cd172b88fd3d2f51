import { Form, NavLink } from '@remix-run/react';
import type { SessionUser } from '~/session.server';
import { NotificationBell } from './NotificationBell';

const ROLE_LABELS: Record<string, string> = { agent: 'Agent', manager: 'Manager', admin: 'Admin' };

/** The workspace's top bar: where you are, who you are, and the way out. */
export function AppNav({ user }: { user: SessionUser }) {
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
        {user.role === 'admin' ? (
          <NavLink to="/admin/issue-types" className="sb-topbar__link" data-testid="nav-admin">
            Admin
          </NavLink>
        ) : null}
        <NavLink to="/outbox" className="sb-topbar__link" data-testid="nav-outbox">
          Outbox
        </NavLink>
      </nav>
      <div className="sb-topbar__user">
        <NotificationBell />
        <span className="sb-topbar__who" title={user.email} data-testid="current-user">
          {user.name}
          <span className="sb-topbar__role">{ROLE_LABELS[user.role] ?? user.role}</span>
        </span>
        <Form method="post" action="/logout">
          <button type="submit" className="sb-button sb-button--quiet sb-button--small" data-testid="sign-out">
            Sign out
          </button>
        </Form>
      </div>
    </header>
  );
}
