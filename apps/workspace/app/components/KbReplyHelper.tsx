import { Link, useFetcher } from '@remix-run/react';
import type { loader } from '~/routes/kb-lookup';

/** Puts text into the reply box at the cursor (or at the end), as if typed. */
function insertIntoComposer(text: string) {
  const box = document.getElementById('composer-body') as HTMLTextAreaElement | null;
  if (!box) return;
  const start = box.selectionStart ?? box.value.length;
  const end = box.selectionEnd ?? box.value.length;
  const before = box.value.slice(0, start);
  const glue = before && !/\s$/.test(before) ? ' ' : '';
  box.setRangeText(`${glue}${text}`, start, end, 'end');
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.focus();
}

/**
 * Search the knowledge base from the reply box and insert an article's link or its text.
 * `ticketId`: on a resolved or closed ticket, offers "Create article from this ticket".
 */
export function KbReplyHelper({ draftFromTicketId }: { draftFromTicketId: number | null }) {
  const fetcher = useFetcher<typeof loader>();
  const result = fetcher.data;
  return (
    <details className="sb-kb-helper" data-testid="kb-helper">
      <summary>Knowledge base</summary>
      <fetcher.Form method="get" action="/kb-lookup" className="sb-form__row" role="search">
        <label htmlFor="kb-helper-q" className="sb-visually-hidden">
          Search articles
        </label>
        <input id="kb-helper-q" name="q" type="search" placeholder="Search articles" />
        <button type="submit" className="sb-button sb-button--small">
          Search
        </button>
      </fetcher.Form>
      {result?.error ? <p className="sb-field-error">{result.error}</p> : null}
      {result && !result.error && result.q && result.items.length === 0 ? <p className="sb-muted">No published article matches.</p> : null}
      {result?.items.length ? (
        <ul className="sb-kb-hits" data-testid="kb-helper-results">
          {result.items.map((hit) => (
            <li key={hit.id}>
              <strong>{hit.title}</strong>
              <div className="sb-muted" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
              <button type="button" className="sb-button sb-button--small" onClick={() => insertIntoComposer(`${hit.title}: ${hit.url}`)}>
                Insert link
              </button>{' '}
              <button type="button" className="sb-button sb-button--small" onClick={() => insertIntoComposer(hit.text)}>
                Insert text
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {draftFromTicketId ? (
        <p>
          <Link to={`/kb/from-ticket?ticketId=${draftFromTicketId}`} data-testid="kb-from-ticket">
            Create article from this ticket
          </Link>
        </p>
      ) : null}
    </details>
  );
}
