import { describe, expect, it } from '@jest/globals';
import type { TicketLink, TimelineEntry } from '@switchboard/contracts';
import { linkLabel, linkWording } from './link-labels.js';
import { describeEvent } from './timeline-labels.js';

const ana = { id: 3, name: 'Ana Agent', email: 'a@acme.test', role: 'agent' as const };

function link(kind: TicketLink['kind'], direction: TicketLink['direction'], number: number): TicketLink {
  return { kind, direction, ticket: { id: number, number, subject: 's', status: 'open' } };
}

function linkEvent(field: string, to: string | null): TimelineEntry {
  return {
    id: 1,
    ticketId: 1001,
    kind: 'event',
    visibility: 'public',
    body: '',
    channel: 'portal',
    author: ana,
    event: { field, from: null, to },
    bodyHtml: '',
    mentions: [],
    createdAt: '2025-03-03T09:00:00Z',
  };
}

describe('link wording', () => {
  it('tells agents which way each kind of link goes', () => {
    expect(linkLabel(link('merged', 'outgoing', 1005), 'agent')).toBe('Merged into #1005');
    expect(linkLabel(link('merged', 'incoming', 1003), 'agent')).toBe('#1003 was merged into this ticket');
    expect(linkLabel(link('split', 'outgoing', 1007), 'agent')).toBe('Split into #1007');
    expect(linkLabel(link('split', 'incoming', 1001), 'agent')).toBe('Split from #1001');
    expect(linkLabel(link('follow_up', 'outgoing', 1010), 'agent')).toBe('Follow-up: #1010');
    expect(linkLabel(link('follow_up', 'incoming', 1002), 'agent')).toBe('Follow-up to #1002');
    expect(linkLabel(link('related', 'outgoing', 1004), 'agent')).toBe('Related to #1004');
    expect(linkLabel(link('related', 'incoming', 1004), 'agent')).toBe('Related to #1004');
  });

  it('speaks of requests to customers', () => {
    expect(linkLabel(link('merged', 'outgoing', 1003), 'customer')).toBe('This request continues on #1003');
    expect(linkLabel(link('merged', 'incoming', 1005), 'customer')).toBe('Your request #1005 was merged into this one');
    expect(linkLabel(link('split', 'incoming', 1001), 'customer')).toBe('Split from your request #1001');
    expect(linkLabel(link('related', 'outgoing', 1004), 'customer')).toBe('Related request #1004');
  });

  it('splits the sentence around the number so apps can link it', () => {
    expect(linkWording({ kind: 'merged', direction: 'incoming' }, 'agent')).toEqual(['', ' was merged into this ticket']);
  });
});

describe('merge and split events', () => {
  it('names the agent for staff', () => {
    expect(describeEvent(linkEvent('merged_from', '#1005'), 'agent', 'Ana')).toBe('Ana merged #1005 into this ticket');
    expect(describeEvent(linkEvent('merged_into', '#1003'), 'agent', 'Ana')).toBe('Ana merged this ticket into #1003');
    expect(describeEvent(linkEvent('split_into', '#1007'), 'agent', 'Ana')).toBe('Ana split #1007 off this ticket');
    expect(describeEvent(linkEvent('split_from', '#1001'), 'agent', 'Ana')).toBe('Split from #1001 by Ana');
  });

  it('tells customers where their request went, without naming staff', () => {
    expect(describeEvent(linkEvent('merged_from', '#1005'), 'customer', 'Support')).toBe('Your request #1005 was merged into this one');
    expect(describeEvent(linkEvent('merged_into', '#1003'), 'customer', 'Support')).toBe('This request continues on #1003');
    expect(describeEvent(linkEvent('split_into', '#1007'), 'customer', 'Support')).toBe('Part of this request continues on #1007');
    expect(describeEvent(linkEvent('split_from', '#1001'), 'customer', 'Support')).toBe('Split from your request #1001');
    for (const field of ['merged_from', 'merged_into', 'split_into', 'split_from']) {
      expect(describeEvent(linkEvent(field, '#1'), 'customer', 'Ana Agent')).not.toContain('Ana');
    }
  });

  it('still reads as a sentence when the other ticket is missing', () => {
    expect(describeEvent(linkEvent('merged_into', null), 'agent', 'Ana')).toBe('Ana merged this ticket into another ticket');
  });
});

describe('moved messages', () => {
  const withReason = (field: string, to: string, body: string) => ({ ...linkEvent(field, to), body });

  it('names the agent and, for staff only, the reason', () => {
    expect(describeEvent(withReason('moved_out', '#1008', 'about the VPN'), 'agent', 'Ana')).toBe('Ana moved a message to #1008 (reason: about the VPN)');
    expect(describeEvent(linkEvent('moved_in', '#1001'), 'agent', 'Ana')).toBe('Ana moved a message here from #1001');
    expect(describeEvent(withReason('split_into', '#1007', 'separate request'), 'agent', 'Ana')).toBe('Ana split #1007 off this ticket (reason: separate request)');
  });

  it('tells customers where their message went, without staff names or reasons', () => {
    const text = describeEvent(withReason('moved_out', '#1008', 'internal detail'), 'customer', 'Ana Agent');
    expect(text).toBe('A message continues on #1008');
    expect(describeEvent(linkEvent('moved_in', '#1001'), 'customer', 'Ana Agent')).toBe('A message joined from #1001');
  });
});
