import { choosePolicy, targetTimes, type PolicyRecord } from './policy-selection.js';

const policy = (id: number, assignments: PolicyRecord['assignments'], isDefault = false): PolicyRecord => ({
  id,
  name: `P${id}`,
  calendarId: 1,
  businessTime: false,
  targets: [
    { urgency: 'critical', importance: 'critical', firstResponseMinutes: 15, nextResponseMinutes: 15, resolutionMinutes: 120 },
    { urgency: 'low', importance: 'low', firstResponseMinutes: 1440, nextResponseMinutes: 1440, resolutionMinutes: 10080 },
  ],
  pauseStatuses: ['waiting_on_customer', 'on_hold'],
  warnPercent: 75,
  escalateUrgency: false,
  escalateTeamId: null,
  escalateAssigneeId: null,
  isDefault,
  assignments,
});

const all = [
  policy(1, [], true),
  policy(2, [{ companyId: 10, issueTypeId: null }]),
  policy(3, [{ companyId: null, issueTypeId: 20 }]),
  policy(4, [{ companyId: 10, issueTypeId: 20 }]),
];
const scope = (companyId: number | null, issueTypeId: number | null) => ({ companyId, companyName: 'Acme', issueTypeId, issueTypeName: 'Bug' });

describe('choosePolicy: the most specific assignment wins', () => {
  it.each([
    ['company and issue type', scope(10, 20), 4, 'assigned to company Acme for issue type Bug'],
    ['company only', scope(10, 21), 2, 'assigned to company Acme'],
    ['issue type only', scope(11, 20), 3, 'assigned to issue type Bug'],
    ['nothing assigned', scope(11, 21), 1, 'the default policy (nothing more specific is assigned)'],
    ['no company, no type', scope(null, null), 1, 'the default policy (nothing more specific is assigned)'],
  ])('%s', (_what, s, id, reason) => {
    expect(choosePolicy(all, s)).toEqual({ policy: expect.objectContaining({ id }), reason });
  });

  it('breaks ties by the lower id, whatever the order given', () => {
    const twins = [policy(9, [{ companyId: 10, issueTypeId: null }]), policy(5, [{ companyId: 10, issueTypeId: null }]), policy(1, [], true)];
    expect(choosePolicy(twins, scope(10, null)).policy.id).toBe(5);
  });

  it('uses the row for the pair, or the slowest row when the policy has none for it', () => {
    expect(targetTimes(all[0], 'critical', 'critical').firstResponseMinutes).toBe(15);
    expect(targetTimes(all[0], 'medium', 'high').resolutionMinutes).toBe(10080);
  });
});
