import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';

interface ProblemData {
  kind?: string;
  message?: string;
}

function problemOf(data: unknown): ProblemData {
  return data && typeof data === 'object' ? (data as ProblemData) : {};
}

/**
 * Says what went wrong in words a customer understands; never a stack trace.
 * `notFound` lets a route say what could not be found ("That ticket ...").
 */
export function ErrorView({ notFound }: { notFound?: string }) {
  const error = useRouteError();

  let title = 'Something went wrong';
  let message = 'Something went wrong on our side. Please try again in a moment.';
  let status: number | null = null;

  if (isRouteErrorResponse(error)) {
    status = error.status;
    const problem = problemOf(error.data);
    if (error.status === 503 || problem.kind === 'unreachable') {
      title = 'Support is temporarily unavailable';
      message = problem.message ?? "Switchboard's API is not reachable. Try again in a moment.";
    } else if (error.status === 404) {
      title = 'Not found';
      message = problem.message ?? notFound ?? 'There is nothing at this address.';
    } else if (error.status === 403) {
      title = 'Not allowed';
      message = problem.message ?? 'You do not have access to this page.';
    } else if (error.status === 400) {
      title = 'That did not work';
      message = problem.message ?? 'The request was not valid.';
    } else if (problem.message) {
      message = problem.message;
    }
  } else if (import.meta.env.DEV && error instanceof Error) {
    // Only while developing: the message helps, the stack stays in the terminal.
    message = error.message;
  }

  return (
    <section className="error-page" data-testid="error" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p className="error-page__message">{message}</p>
      {status ? <p className="muted">Error {status}</p> : null}
      <p className="error-page__actions">
        <Link to="/tickets">Back to my tickets</Link>
        <Link to=".">Try again</Link>
      </p>
    </section>
  );
}
