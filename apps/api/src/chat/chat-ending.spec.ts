import { needsFollowUp } from './chat-ending.js';

describe('needsFollowUp', () => {
  const at = new Date();
  it('an ended chat nobody answered continues by email', () => {
    expect(needsFollowUp({ state: 'ended', endReason: 'no_agent', acceptedAt: null })).toBe(true);
    expect(needsFollowUp({ state: 'ended', endReason: 'abandoned', acceptedAt: null })).toBe(true);
  });
  it('a chat an agent took, or one still open, does not', () => {
    expect(needsFollowUp({ state: 'ended', endReason: 'abandoned', acceptedAt: at })).toBe(false);
    expect(needsFollowUp({ state: 'ended', endReason: 'agent', acceptedAt: at })).toBe(false);
    expect(needsFollowUp({ state: 'ended', endReason: 'visitor', acceptedAt: at })).toBe(false);
    expect(needsFollowUp({ state: 'waiting', endReason: null, acceptedAt: null })).toBe(false);
  });
});
