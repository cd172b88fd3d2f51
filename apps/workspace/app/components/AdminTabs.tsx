import { NavLink, useRouteLoaderData } from '@remix-run/react';

/** Admins see every tab; managers the people side (people, teams, skills). */
export function AdminTabs() {
  const layout = useRouteLoaderData('routes/_app') as { user?: { role?: string } } | undefined;
  const admin = layout?.user?.role === 'admin';
  return (
    <nav className="sb-admin-tabs" aria-label="Admin">
      <NavLink to="/admin/people">People</NavLink>
      <NavLink to="/admin/teams">Teams</NavLink>
      <NavLink to="/admin/skills">Skills</NavLink>
      <NavLink to="/admin/routing">Routing</NavLink>
      <NavLink to="/admin/sla">SLA</NavLink>
      {admin ? (
        <>
          <NavLink to="/admin/companies">Companies</NavLink>
          <NavLink to="/admin/issue-types">Issue types</NavLink>
          <NavLink to="/admin/categories">Categories</NavLink>
          <NavLink to="/admin/phone">Phone</NavLink>
          <NavLink to="/admin/inbound-email">Inbound email</NavLink>
          <NavLink to="/admin/email-addresses">Email addresses</NavLink>
          <NavLink to="/admin/email-templates">Email templates</NavLink>
          <NavLink to="/admin/chat">Chat widget</NavLink>
          <NavLink to="/admin/security">Security log</NavLink>
          <NavLink to="/admin/failed-work">Failed background work</NavLink>
        </>
      ) : null}
    </nav>
  );
}
