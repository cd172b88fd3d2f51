import { describe, expect, it } from '@jest/globals';
import { activeQuickFilter, filtersFromSearch, isFiltered, listInput, queueHref, sortHref } from './queue-query.js';

describe('filtersFromSearch', () => {
  it('keeps valid filters, joins repeated statuses and drops what the API would reject', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('status=open&status=on_hold&urgency=urgentish&assignee=me&teamId=3&createdFrom=2025-01-01&createdTo=soon&q=+login+&junk=1'),
    );
    expect(filters).toEqual({ status: 'open,on_hold', assignee: 'me', teamId: '3', createdFrom: '2025-01-01', q: 'login' });
  });

  it('keeps custom field filters only with an issue type', () => {
    expect(filtersFromSearch(new URLSearchParams('f.browser=Chrome'))).toEqual({});
    expect(filtersFromSearch(new URLSearchParams('issueTypeId=2&f.browser=Chrome&f.Bad-Key=x'))).toEqual({ issueTypeId: '2', 'f.browser': 'Chrome' });
  });
});

describe('listInput', () => {
  it('builds tickets.list input with typed ids, a status list and custom fields', () => {
    const input = listInput({ status: 'open,in_progress', teamId: '3', issueTypeId: '2', 'f.browser': 'Chrome', sort: 'priority' });
    expect(input).toMatchObject({ status: ['open', 'in_progress'], teamId: 3, issueTypeId: 2, fields: { browser: 'Chrome' }, sort: 'priority' });
  });
});

describe('links', () => {
  it('sorts by a new column descending and flips the direction of the current one', () => {
    expect(sortHref({ urgency: 'high' }, 'updated')).toBe('/tickets?urgency=high&sort=updated&direction=desc');
    expect(sortHref({ sort: 'updated', direction: 'desc' }, 'updated')).toBe('/tickets?sort=updated&direction=asc');
    expect(sortHref({ sort: 'updated', direction: 'asc' }, 'updated')).toBe('/tickets?sort=updated&direction=desc');
    // Due time: soonest first, then the other way.
    expect(sortHref({}, 'due')).toBe('/tickets?sort=due&direction=asc');
    expect(sortHref({ sort: 'due', direction: 'asc' }, 'due')).toBe('/tickets?sort=due&direction=desc');
  });

  it('sets and removes keys', () => {
    expect(queueHref({ urgency: 'high', cursor: 'abc' }, { cursor: undefined, tag: 'vip' })).toBe('/tickets?urgency=high&tag=vip');
    expect(queueHref({})).toBe('/tickets');
  });

  it('knows when the queue is narrowed and which quick filter is on', () => {
    expect(isFiltered({ sort: 'updated', direction: 'asc' })).toBe(false);
    expect(isFiltered({ tag: 'vip' })).toBe(true);
    expect(activeQuickFilter({ assignee: 'me', status: 'open,in_progress,waiting_on_customer,on_hold' })).toBe('mine');
    expect(activeQuickFilter({ sort: 'updated', direction: 'desc' })).toBe('recent');
    expect(activeQuickFilter({ urgency: 'critical', tag: 'x' })).toBeUndefined();
  });
});
