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
