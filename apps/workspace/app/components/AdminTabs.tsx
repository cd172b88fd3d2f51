import { NavLink } from '@remix-run/react';

export function AdminTabs() {
  return (
    <nav className="sb-admin-tabs" aria-label="Admin">
      <NavLink to="/admin/issue-types">Issue types</NavLink>
      <NavLink to="/admin/categories">Categories</NavLink>
      <NavLink to="/admin/teams">Teams</NavLink>
      <NavLink to="/admin/inbound-email">Inbound email</NavLink>
    </nav>
  );
}
