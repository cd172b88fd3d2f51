import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TimelineEntry } from '@switchboard/contracts';
import { Timeline } from './Timeline.js';
import { TimelineKindFilter } from './TimelineKindFilter.js';

const cody = { id: 5, name: 'Cody Customer', email: null, role: 'customer' as const };
const ana = { id: 3, name: 'Ana Agent', email: null, role: 'agent' as const };
const base = { ticketId: 1, channel: 'email' as const, event: null, visibility: 'public' as const, bodyHtml: '', mentions: [] };

const entries: TimelineEntry[] = [
  { ...base, id: 1, kind: 'message', body: 'It is broken', author: cody, createdAt: '2025-03-04T09:00:00Z' },
  { ...base, id: 2, kind: 'note', visibility: 'internal', body: 'TOP SECRET', author: ana, createdAt: '2025-03-04T09:05:00Z' },
  { ...base, id: 3, kind: 'reply', body: 'On it', author: ana, createdAt: '2025-03-04T09:06:00Z' },
  { ...base, id: 4, kind: 'event', body: '', author: ana, event: { field: 'status', from: 'open', to: 'in_progress' }, createdAt: '2025-03-04T09:07:00Z' },
  { ...base, id: 5, kind: 'message', body: 'x'.repeat(1300), author: cody, createdAt: '2025-03-04T09:08:00Z' },
];
const render = (viewer: 'agent' | 'customer') =>
  renderToStaticMarkup(<Timeline entries={entries} viewer={viewer} now="2025-03-04T12:00:00Z" timeZone="UTC" />);

describe('<Timeline>', () => {
  it('renders every kind for an agent, with the markers tests and agents rely on', () => {
    const html = render('agent');
    expect(html.match(/data-testid="timeline-entry"/g)).toHaveLength(5);
    expect(html).toContain('data-kind="note" data-visibility="internal"');
    expect(html).toContain('Internal note');
    expect(html).toContain('Sent via email');
    expect(html).toContain('Ana Agent changed status from Open to In progress');
    expect(html).toContain('Today');
    expect(html).toContain('<details class="sb-entry__long">');
  });

  it('leaves internal notes out for a customer', () => {
    const html = render('customer');
    expect(html).not.toContain('TOP SECRET');
    expect(html).not.toContain('data-visibility="internal"');
    expect(html.match(/data-testid="timeline-entry"/g)).toHaveLength(4);
  });

  it('renders the server-sanitized HTML body, and collapses long ones with a plain-text preview', () => {
    const html = renderToStaticMarkup(
      <Timeline
        entries={[
          { ...entries[2]!, bodyHtml: '<p>On <strong>it</strong>, <span class="sb-mention">@ben</span></p>' },
          { ...entries[4]!, bodyHtml: `<p>${'x'.repeat(1300)}</p>` },
        ]}
        viewer="agent"
        now="2025-03-04T12:00:00Z"
        timeZone="UTC"
      />,
    );
    expect(html).toContain('<div class="sb-entry__text sb-entry__html"><p>On <strong>it</strong>, <span class="sb-mention">@ben</span></p></div>');
    expect(html).toMatch(/<details class="sb-entry__long"><summary><span class="sb-entry__preview">x+…<\/span>/);
  });

  it('offers "Load older" only when there is an older page', () => {
    const props = { entries, viewer: 'agent' as const, now: '2025-03-04T12:00:00Z', timeZone: 'UTC' };
    expect(renderToStaticMarkup(<Timeline {...props} olderHref="/tickets/1?pages=2" />)).toContain(
      '<a href="/tickets/1?pages=2" data-testid="timeline-load-older" rel="nofollow">Load older</a>',
    );
    expect(renderToStaticMarkup(<Timeline {...props} />)).not.toContain('Load older');
  });
});

describe('<TimelineKindFilter>', () => {
  it('links every choice and marks the current one', () => {
    const html = renderToStaticMarkup(<TimelineKindFilter current="notes" hrefFor={(f) => `?show=${f}`} />);
    expect(html.match(/<a /g)).toHaveLength(4);
    expect(html).toContain('href="?show=notes" class="sb-timeline-filter__option sb-timeline-filter__option--current" aria-current="true"');
    expect(html).toContain('>Events</a>');
  });
});
