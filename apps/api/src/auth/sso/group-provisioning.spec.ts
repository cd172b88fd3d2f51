import { groupsClaim, planProvisioning } from './group-provisioning.js';

const mappings = [
  { group: 'helpdesk-admins', role: 'admin' as const, teamId: null, teamName: null },
  { group: 'helpdesk-leads', role: 'manager' as const, teamId: 7, teamName: 'Billing' },
  { group: 'billing', role: null, teamId: 7, teamName: 'Billing' },
  { group: 'tier2', role: null, teamId: 9, teamName: 'Tier 2' },
];

describe('planProvisioning', () => {
  it('gives the highest mapped role and joins the mapped teams', () => {
    expect(planProvisioning(mappings, ['helpdesk-leads', 'helpdesk-admins', 'tier2'], [])).toEqual({ role: 'admin', join: [7, 9], leave: [] });
  });

  it('falls back to agent and leaves mapped teams when the groups are gone, keeping unmapped teams', () => {
    expect(planProvisioning(mappings, ['something-else'], [3, 7, 9])).toEqual({ role: 'agent', join: [], leave: [7, 9] });
  });

  it('leaves roles alone when no mapping names a role', () => {
    expect(planProvisioning([mappings[3]], [], [9])).toEqual({ role: null, join: [], leave: [9] });
  });
});

describe('groupsClaim', () => {
  it('reads a list or a single string, and says when there is none', () => {
    expect(groupsClaim({ groups: ['a', 2, 'b'] })).toEqual(['a', 'b']);
    expect(groupsClaim({ groups: 'a' })).toEqual(['a']);
    expect(groupsClaim({ email: 'x' })).toBeNull();
  });

  it('reads the configured claim: another name, a dotted path, or a name that itself has dots', () => {
    expect(groupsClaim({ groups: ['no'], roles: ['helpdesk'] }, 'roles')).toEqual(['helpdesk']);
    expect(groupsClaim({ realm_access: { roles: ['a', 'b'] } }, 'realm_access.roles')).toEqual(['a', 'b']);
    expect(groupsClaim({ 'https://desk.example.com/groups': ['x'] }, 'https://desk.example.com/groups')).toEqual(['x']);
    expect(groupsClaim({ groups: ['a'] }, 'roles')).toBeNull();
    expect(groupsClaim({ realm_access: ['a'] }, 'realm_access.roles')).toBeNull();
  });
});
