import { statesBelowOrAt, supersedes } from './delivery-status.js';

describe('delivery states', () => {
  it('never lets a late callback move a message backwards', () => {
    expect(supersedes('delivered', 'sent')).toBe(true);
    expect(supersedes('sent', 'delivered')).toBe(false);
    expect(supersedes('queued', null)).toBe(true);
    expect(supersedes('failed', 'queued')).toBe(true);
    expect(statesBelowOrAt('sent')).toEqual(['accepted', 'scheduled', 'queued', 'sending', 'sent']);
  });
});
