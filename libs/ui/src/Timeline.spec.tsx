import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TimelineEntry } from '@switchboard/contracts';
import { Timeline } from './Timeline.js';

const cody = { id: 5, name: 'Cody Customer', email: null, role: 'customer' as const };
const ana = { id: 3, name: 'Ana Agent', email: null, role: 'agent' as const };
const base = { ticketId: 1, channel: 'email' as const, event: null, visibility: 'public' as const };

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
});

describe('<Timeline> attachments', () => {
  const png = { id: 41, filename: 'screen.png', contentType: 'image/png', size: 2048, url: '/api/v1/attachments/41' };
  const pdf = { id: 42, filename: 'invoice.pdf', contentType: 'application/pdf', size: 3 * 1024 * 1024, url: '/api/v1/attachments/42' };
  const withFiles: TimelineEntry[] = [{ ...base, id: 9, kind: 'message', body: 'See attached', author: cody, createdAt: '2025-03-04T09:00:00Z', attachments: [png, pdf] }];

  it('shows images as thumbnails and other files as links with their size, through the app’s own route', () => {
    const html = renderToStaticMarkup(
      <Timeline entries={withFiles} viewer="customer" now="2025-03-04T12:00:00Z" timeZone="UTC" attachmentUrl={(id) => `/files/${id}`} />,
    );
    expect(html).toContain('<img class="sb-attachments__thumb" src="/files/41" alt="screen.png"');
    expect(html).toContain('href="/files/42" download="invoice.pdf"');
    expect(html).toContain('3 MB');
    expect(html).not.toContain('/api/v1/attachments');
  });

  it('defaults to /attachments/:id and renders nothing for entries without files', () => {
    expect(renderToStaticMarkup(<Timeline entries={withFiles} viewer="agent" timeZone="UTC" />)).toContain('src="/attachments/41"');
    expect(renderToStaticMarkup(<Timeline entries={entries} viewer="agent" timeZone="UTC" />)).not.toContain('sb-attachments');
  });
});
