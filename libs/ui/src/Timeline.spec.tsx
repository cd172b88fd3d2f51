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

  it('speaks to a customer: friendly status words, no staff vocabulary', () => {
    const html = render('customer');
    expect(html).toContain('Status changed to In progress');
    expect(html).not.toContain('Ana Agent changed');
    expect(html).not.toContain('Public reply');
    expect(html).not.toContain('via email');
    const waiting: TimelineEntry = { ...entries[3]!, id: 6, event: { field: 'status', from: 'in_progress', to: 'waiting_on_customer' } };
    const html2 = renderToStaticMarkup(<Timeline entries={[waiting]} viewer="customer" now="2025-03-04T12:00:00Z" timeZone="UTC" />);
    expect(html2).toContain('Status changed to Waiting on you');
  });

  it('labels staff with staffName and the viewer with "You" when asked; names otherwise', () => {
    expect(render('customer')).toContain('Ana Agent');
    const html = renderToStaticMarkup(
      <Timeline entries={entries} viewer="customer" viewerUserId={5} staffName="Support" now="2025-03-04T12:00:00Z" timeZone="UTC" />,
    );
    expect(html).toContain('>Support<');
    expect(html).toContain('>You<');
    expect(html).not.toContain('Ana Agent');
    expect(html).not.toContain('Cody Customer');
  });

  it('gives the last entry the latestId, and only when asked', () => {
    expect(render('agent')).not.toContain('id="latest"');
    const html = renderToStaticMarkup(<Timeline entries={entries} viewer="customer" latestId="latest" now="2025-03-04T12:00:00Z" timeZone="UTC" />);
    expect(html.match(/id="latest"/g)).toHaveLength(1);
    expect(html).toMatch(/id="latest"[^>]*data-entry-id="5"/);
    expect(html).not.toContain('id="entry-5"');
  });

  it('formats times and day boundaries in the given zone', () => {
    const html = renderToStaticMarkup(
      <Timeline entries={entries.slice(0, 1)} viewer="customer" now="2025-03-04T12:00:00Z" timeZone="Pacific/Auckland" />,
    );
    // 09:00Z is 22:00 on the 4th in Auckland; "now" (12:00Z) is already the 5th there.
    expect(html).toContain('>22:00<');
    expect(html).toContain('>Yesterday<');
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

describe('<Timeline> bodies and paging', () => {
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

  it('renders an email’s folded quote as a collapsed <details> (no open attribute), with its inline image pointed at the entry’s file', () => {
    const bodyHtml =
      '<p>Works now.</p><details class="quoted"><summary>Quoted text</summary><blockquote>Try again? <img src="cid:old@client" /></blockquote></details>';
    const attachments = [{ id: 77, filename: 'old.png', contentType: 'image/png', size: 10, url: '/api/v1/attachments/77', contentId: 'old@client' }];
    for (const viewer of ['agent', 'customer'] as const) {
      const html = renderToStaticMarkup(
        <Timeline entries={[{ ...entries[0]!, body: 'Works now.', bodyHtml, attachments }]} viewer={viewer} now="2025-03-04T12:00:00Z" timeZone="UTC" />,
      );
      expect(html).toContain(
        '<div class="sb-entry__text sb-entry__html"><p>Works now.</p><details class="quoted"><summary>Quoted text</summary><blockquote>Try again? <img src="/attachments/77" data-inline-attachment-id="77" /></blockquote></details></div>',
      );
      // Shown in place (inside the fold), so not listed again as a file.
      expect(html).not.toContain('sb-attachments');
    }
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

describe('<Timeline> phone calls', () => {
  const call: TimelineEntry = {
    ...base,
    id: 20,
    kind: 'call',
    channel: 'phone',
    body: '📞 Inbound call from +4915112345678 to +15005550006 · answered, 1 min 5 s',
    author: cody,
    createdAt: '2025-03-04T10:00:00Z',
    call: {
      direction: 'inbound',
      from: '+4915112345678',
      to: '+15005550006',
      status: 'completed',
      durationSeconds: 65,
      recordingAttachmentId: 77,
      transcription: 'My heating is broken.',
    },
  };

  it('shows a call as a card of its own: direction, numbers, outcome, length, recording and transcript', () => {
    const html = renderToStaticMarkup(
      <Timeline entries={[entries[0]!, call]} viewer="agent" now="2025-03-04T12:00:00Z" timeZone="UTC" attachmentUrl={(id) => `/files/${id}`} />,
    );
    expect(html).toContain('data-kind="call"');
    expect(html).toContain('Inbound call</strong>');
    expect(html).toContain('data-status="completed">Answered, 1 min 5 s</span>');
    expect(html).toContain('+4915112345678 → +15005550006');
    expect(html).toContain('href="/files/77"');
    expect(html).toContain('My heating is broken.</blockquote>');
    // A card, not a bubble in the customer's group.
    expect(html.match(/class="sb-timeline__group /g)).toHaveLength(1);
  });

  it('speaks to the customer about their own call, and says what is known without details', () => {
    const customer = renderToStaticMarkup(<Timeline entries={[call]} viewer="customer" now="2025-03-04T12:00:00Z" timeZone="UTC" />);
    expect(customer).toContain('You called us</strong>');
    const bare = renderToStaticMarkup(<Timeline entries={[{ ...call, call: null }]} viewer="agent" now="2025-03-04T12:00:00Z" timeZone="UTC" />);
    expect(bare).toContain('Phone call</strong>');
    expect(bare).toContain('answered, 1 min 5 s');
    expect(bare).not.toContain('call-recording');
  });
});
