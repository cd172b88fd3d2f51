import { describe, expect, it } from '@jest/globals';
import type { TimelineEntry } from '@switchboard/contracts';
import { describeEvent } from './timeline-labels.js';

const routed = (field: string, to: string, body: string): TimelineEntry => ({
  id: 1,
  ticketId: 1001,
  kind: 'event',
  visibility: 'internal',
  body,
  channel: 'portal',
  author: null,
  event: { field, from: null, to },
  bodyHtml: '',
  mentions: [],
  createdAt: '2025-03-03T09:00:00Z',
});

describe('routing events', () => {
  it('tell staff who got the ticket and why', () => {
    expect(describeEvent(routed('assignee', 'Ana Agent', 'skill: Spanish'), 'agent', 'Switchboard')).toBe('Switchboard set assignee to Ana Agent (skill: Spanish)');
    expect(describeEvent(routed('team', 'Billing', 'routed by category Billing'), 'agent', 'Switchboard')).toBe('Switchboard set team to Billing (routed by category Billing)');
  });

  it('read as before for field changes without a reason', () => {
    expect(describeEvent(routed('assignee', 'Ana Agent', ''), 'agent', 'Bo')).toBe('Bo set assignee to Ana Agent');
  });
});
