import { Form, Link, useFetcher } from '@remix-run/react';
import type { KbSearchHit } from '@switchboard/contracts';
import { useEffect, useRef } from 'react';

const DEBOUNCE_MS = 300;

/**
 * While the customer types a new ticket, the articles that best match what they wrote so far.
 * Only with JavaScript (the form works without it); the search waits until typing pauses.
 * "This solved my problem" posts to /kb/deflect: the deflection is counted and no ticket is opened.
 */
export function KbSuggestions({ text }: { text: string }) {
  const fetcher = useFetcher<{ items: KbSearchHit[] }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { load } = fetcher;

  useEffect(() => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (q.length < 3) return;
    timer.current = setTimeout(() => load(`/kb/suggestions?${new URLSearchParams({ q: q.slice(0, 200) })}`), DEBOUNCE_MS);
    return () => clearTimeout(timer.current);
  }, [text, load]);

  const items = text.trim().length >= 3 ? (fetcher.data?.items ?? []) : [];
  if (items.length === 0) return null;
  return (
    <aside className="kb-suggestions" aria-live="polite" data-testid="kb-suggestions">
      <h2>These articles might answer your question</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id} className="kb-suggestion">
            <Link to={`/kb/articles/${item.slug}`} target="_blank" rel="noopener">
              {item.title}
            </Link>
            <p className="kb-snippet" dangerouslySetInnerHTML={{ __html: item.snippetHtml }} />
            <Form method="post" action="/kb/deflect">
              <input type="hidden" name="articleId" value={item.id} />
              <input type="hidden" name="query" value={text.slice(0, 500)} />
              <button type="submit" className="button button--secondary" data-testid={`deflect-${item.id}`}>
                This solved my problem
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </aside>
  );
}
