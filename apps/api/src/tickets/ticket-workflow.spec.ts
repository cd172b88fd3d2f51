import { TICKET_STATUSES, type TicketStatus } from '@switchboard/contracts';
import { canTransition, statusAfterCustomerMessage, TRANSITIONS } from './ticket-workflow.js';

/** The default workflow as a table: row = from, columns = to; 1 = allowed. */
const TABLE: Record<TicketStatus, string> = {
  //                   open prog wait hold reso clos
  open: '               -    1    1    1    1    1',
  in_progress: '        1    -    1    1    1    1',
  waiting_on_customer: '1    1    -    1    1    1',
  on_hold: '            1    1    1    -    1    1',
  resolved: '           1    1    0    0    -    1',
  closed: '             0    0    0    0    0    -',
};

describe('ticket workflow', () => {
  it('covers every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
  });

  const cases = TICKET_STATUSES.flatMap((from) => {
    const cells = TABLE[from].trim().split(/\s+/);
    return TICKET_STATUSES.map((to, i) => [from, to, cells[i]] as const).filter(([, , c]) => c !== '-');
  });
  it.each(cases)('%s -> %s: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed === '1');
  });

  it('lets an issue type narrow the workflow for the statuses it names', () => {
    const workflow = { open: ['in_progress' as const], in_progress: ['resolved' as const] };
    expect(canTransition('open', 'resolved', workflow)).toBe(false);
    expect(canTransition('open', 'in_progress', workflow)).toBe(true);
    expect(canTransition('in_progress', 'resolved', workflow)).toBe(true);
    // Statuses the type does not name follow the default.
    expect(canTransition('on_hold', 'open', workflow)).toBe(true);
    // Closed stays final whatever a type says.
    expect(canTransition('closed', 'open', { closed: ['open'] })).toBe(false);
  });

  it('reopens tickets that waited on the customer when the customer writes', () => {
    expect(statusAfterCustomerMessage('waiting_on_customer')).toBe('open');
    expect(statusAfterCustomerMessage('resolved')).toBe('open');
    expect(statusAfterCustomerMessage('in_progress')).toBe('in_progress');
    expect(statusAfterCustomerMessage('on_hold')).toBe('on_hold');
  });
});
