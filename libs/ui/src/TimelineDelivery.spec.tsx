import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TimelineEntry } from '@switchboard/contracts';
import { Timeline } from './Timeline.js';

const ana = { id: 3, name: 'Ana Agent', email: null, role: 'agent' as const };
const reply: TimelineEntry = {
  id: 7,
  ticketId: 1,
  kind: 'reply',
  visibility: 'public',
  channel: 'sms',
  event: null,
  bodyHtml: '',
  mentions: [],
  body: 'It ships tomorrow',
  author: ana,
  createdAt: '2025-03-04T09:06:00Z',
  delivery: { channel: 'sms', recipient: '+4915112345678', status: 'undelivered', error: 'Twilio error 30003: Unreachable', updatedAt: '2025-03-04T09:07:00Z' },
};
const render = (viewer: 'agent' | 'customer') =>
  renderToStaticMarkup(<Timeline entries={[reply]} viewer={viewer} now="2025-03-04T12:00:00Z" timeZone="UTC" />);

describe('delivery state on a timeline entry', () => {
  it('shows staff how an SMS reply fared, with the reason', () => {
    const html = render('agent');
    expect(html).toContain('data-testid="delivery-state"');
    expect(html).toContain('data-status="undelivered"');
    expect(html).toContain('>Undelivered</span>');
    expect(html).toContain('title="Twilio error 30003: Unreachable"');
  });

  it('shows the customer nothing of it', () => {
    expect(render('customer')).not.toContain('delivery-state');
  });
});

describe('delivery events of an emailed reply', () => {
  const emailed: TimelineEntry = {
    ...reply,
    channel: 'email',
    delivery: {
      channel: 'email',
      recipient: 'cody@example.test',
      status: 'opened',
      error: null,
      updatedAt: '2025-03-04T09:09:00Z',
      events: [
        { event: 'processed', at: '2025-03-04T09:06:30Z', reason: null },
        { event: 'delivered', at: '2025-03-04T09:07:00Z', reason: null },
        { event: 'open', at: '2025-03-04T09:09:00Z', reason: null },
      ],
    },
  };
  const html = (viewer: 'agent' | 'customer') =>
    renderToStaticMarkup(<Timeline entries={[emailed]} viewer={viewer} now="2025-03-04T12:00:00Z" timeZone="UTC" />);

  it('lists what SendGrid reported, in order, for staff', () => {
    const out = html('agent');
    expect(out).toContain('>Opened</span>');
    expect(out.match(/data-event="(\w+)"/g)).toEqual(['data-event="processed"', 'data-event="delivered"', 'data-event="open"']);
    expect(out).toContain('Delivered <time dateTime="2025-03-04T09:07:00Z">');
  });

  it('shows the customer none of it', () => {
    expect(html('customer')).not.toContain('delivery-events');
  });
});
