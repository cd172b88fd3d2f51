import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { CSSProperties, ReactNode } from 'react';
import uiStyles from '@switchboard/ui/styles.css?url';
import { ErrorView } from './components/error-view';
import { companyBranding } from './company-branding.server';
import { getUser } from './session.server';
import styles from './styles.css?url';

// Inline icon: no extra file, and no 404 in the console for /favicon.ico.
const icon =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%232f4fb3'/%3E%3Ctext x='16' y='21' font-family='sans-serif' font-size='13' font-weight='700' fill='white' text-anchor='middle'%3ESB%3C/text%3E%3C/svg%3E";

export const links: LinksFunction = () => [
  // The shared components' styles first, so the portal's own can retune them.
  { rel: 'stylesheet', href: uiStyles },
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: icon, type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [
  { title: 'Switchboard Support' },
  { name: 'description', content: 'Ask for help and follow your support requests.' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Only for the header. Each route checks the session itself.
  const user = await getUser(request);
  // A company user sees their company's branding (name, logo, colours) in the header.
  const brand = user?.role === 'customer' ? await companyBranding(request) : null;
  return { user: user ? { name: user.name, role: user.role } : null, brand };
}

function Header() {
  const data = useRouteLoaderData<typeof loader>('root');
  const user = data?.user ?? null;
  const brand = data?.brand ?? null;
  // Colours come validated (#rrggbb) from the API; they retune the header's own variables.
  const brandStyle = brand
    ? ({ ...(brand.primaryColor ? { '--brand-primary': brand.primaryColor } : {}), ...(brand.accentColor ? { '--brand-accent': brand.accentColor } : {}) } as CSSProperties)
    : undefined;
  return (
    <header className={brand ? 'site-header site-header--branded' : 'site-header'} style={brandStyle} data-testid="site-header">
      <div className="site-header__inner">
        {brand ? (
          <Link to="/" className="brand" data-testid="company-brand">
            {brand.logoUrl ? <img className="brand__logo" src={brand.logoUrl} alt="" height={28} /> : null}
            {brand.name} <span className="brand__sub">Support</span>
          </Link>
        ) : (
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              SB
            </span>
            Switchboard <span className="brand__sub">Support</span>
          </Link>
        )}
        <nav aria-label="Main" className="site-nav">
          <NavLink to="/kb">Help center</NavLink>
          {user ? (
            <>
              <NavLink to="/tickets" end>
                My tickets
              </NavLink>
              <NavLink to="/tickets/new">New ticket</NavLink>
              <NavLink to="/callback">Request a callback</NavLink>
              {brand?.admin ? <NavLink to="/company">Company</NavLink> : null}
              <NavLink to="/email-settings" data-testid="email-settings-link">
                Email settings
              </NavLink>
              <Form method="post" action="/logout" className="site-nav__logout">
                <button type="submit" className="link-button" data-testid="logout">
                  Sign out<span className="visually-hidden"> {user.name}</span>
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">Sign in</NavLink>
              <NavLink to="/register">Register</NavLink>
            </>
          )}
        </nav>
      </div>
      {user && user.role !== 'customer' ? (
        <p className="staff-note" data-testid="staff-note">
          You are signed in as {user.role === 'agent' ? 'an agent' : `a ${user.role}`}. This portal shows what customers see; internal notes
          are never shown here.
        </p>
      ) : null}
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Header />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Switchboard, open-source helpdesk.</p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorView />;
}
