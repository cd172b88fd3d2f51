import { isRouteErrorResponse, Link, useLocation, useRouteError } from '@remix-run/react';

interface Explained {
  status: number;
  title: string;
  message: string;
}

/** Says what happened: the API is down, the ticket does not exist, access was refused, or a bug. */
export function RouteErrorBoundary({ showHomeLink = false }: { showHomeLink?: boolean }) {
  const error = useRouteError();
  const location = useLocation();
  const { status, title, message } = explain(error, location.pathname);
  return (
    <section className="sb-error-page" data-testid="error" data-status={status} role="alert">
      <p className="sb-error-page__status">{status}</p>
      <h1 className="sb-error-page__title">{title}</h1>
      <p className="sb-error-page__message">{message}</p>
      <p className="sb-error-page__actions">
        {status === 503 ? (
          <a className="sb-button" href={location.pathname + location.search}>
            Try again
          </a>
        ) : null}
        {showHomeLink || status !== 503 ? (
          <Link className="sb-button sb-button--quiet" to="/tickets">
            Back to the queue
          </Link>
        ) : null}
      </p>
    </section>
  );
}

function explain(error: unknown, pathname: string): Explained {
  if (isRouteErrorResponse(error)) {
    const payload = (typeof error.data === 'object' && error.data) as { message?: string } | false;
    const message = payload && typeof payload.message === 'string' ? payload.message : typeof error.data === 'string' ? error.data : '';
    switch (error.status) {
      case 503:
        return { status: 503, title: 'API unreachable', message: message || "Switchboard's API is not reachable." };
      case 404:
        return {
          status: 404,
          title: /^\/tickets\/[^/]+/.test(pathname) ? 'Ticket not found' : 'Page not found',
          // Our own 404s carry a sentence; the router's own ("No route matches…") is for developers.
          message: payload && message ? message : `There is nothing at ${pathname}.`,
        };
      case 403:
        return { status: 403, title: 'Not allowed', message: message || 'Your role does not allow this.' };
      case 409:
        return { status: 409, title: 'Changed meanwhile', message: message || 'Reload and try again.' };
      default:
        return { status: error.status, title: error.statusText || 'Something went wrong', message: message || 'The request failed.' };
    }
  }
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';
  return { status: 500, title: 'Something went wrong', message };
}
