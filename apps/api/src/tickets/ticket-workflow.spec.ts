import { TICKET_STATUSES } from '@switchboard/contracts';
import { canTransition, statusAfterCustomerMessage, TRANSITIONS } from './ticket-workflow.js';

describe('ticket workflow', () => {
  it('covers every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
  });
  it('lets a resolved ticket be reopened but never a closed one', () => {
    expect(canTransition('resolved', 'open')).toBe(true);
    for (const to of TICKET_STATUSES) expect(canTransition('closed', to)).toBe(false);
  });
  it('reopens tickets that waited on the customer when the customer writes', () => {
    expect(statusAfterCustomerMessage('waiting_on_customer')).toBe('open');
    expect(statusAfterCustomerMessage('resolved')).toBe('open');
    expect(statusAfterCustomerMessage('closed')).toBe('open');
    expect(statusAfterCustomerMessage('in_progress')).toBe('in_progress');
  });
});
