import { uniqueEmail } from '../../support/http.js';
import { row, staffOnly, managers, adminOnly, type Rows } from './rows.js';

/** People, teams, skills, companies, routing and the CRM view of customers. */
export const peopleRows: Rows = {
  'people.agents': { probe: (f) => f.client.people.agents.query(), expect: staffOnly },
  'people.agent': { probe: (f) => f.client.people.agent.query({ id: f.staffId }), expect: staffOnly },
  'people.updateAgent': { probe: (f) => f.client.people.updateAgent.mutate({ id: f.staffId, capacity: 11 }), expect: managers },
  'people.setSkills': { probe: (f) => f.client.people.setSkills.mutate({ id: f.staffId, skills: [] }), expect: managers },
  'people.setAvailability': { probe: (f) => f.client.people.setAvailability.mutate({ availability: 'away' }), expect: staffOnly },
  'people.invite': { probe: (f) => f.client.people.invite.mutate({ email: uniqueEmail('inv'), name: 'Invitee', role: 'agent' }), expect: adminOnly },
  'people.acceptInvitation': { probe: (f) => f.client.people.acceptInvitation.mutate({ token: 'x.y', name: 'N', password: 'long-enough-pw' }), expect: row('bad_request', { anonymous: 'bad_request' }) },
  'people.skills': { probe: (f) => f.client.people.skills.query(), expect: staffOnly },
  'people.saveSkill': { probe: (f) => f.client.people.saveSkill.mutate({ name: f.unique('Skill') }), expect: managers },
  'people.teams': { probe: (f) => f.client.people.teams.query(), expect: staffOnly },
  'people.saveTeam': { probe: (f) => f.client.people.saveTeam.mutate({ name: f.unique('Team') }), expect: managers },
  'companies.list': { probe: (f) => f.client.companies.list.query(), expect: row('ok', { customer: 'forbidden' }) },
  'companies.save': { probe: (f) => f.client.companies.save.mutate({ name: f.unique('Co') }), expect: adminOnly },
  'companies.members': { probe: (f) => f.client.companies.members.query({ companyId: f.companyId }), expect: managers },
  'companies.moveCustomer': { probe: (f) => f.client.companies.moveCustomer.mutate({ userId: f.customerId, companyId: null }), expect: adminOnly },
  'companies.setCompanyAdmin': { probe: (f) => f.client.companies.setCompanyAdmin.mutate({ userId: f.memberId, companyAdmin: false }), expect: adminOnly },
  'routing.rules': { probe: (f) => f.client.routing.rules.query(), expect: staffOnly },
  'routing.setRule': { probe: (f) => f.client.routing.setRule.mutate({ kind: 'category', id: f.categoryId, teamId: null, skillId: null }), expect: managers },
  // The CRM view and notes about customers are staff-only; company admins included, customers never get them.
  'customers.profile': { probe: (f) => f.client.customers.profile.query({ id: f.customerId }), expect: staffOnly },
  // Company admins manage their own company's users; the fixtures' company admin is not a probe role, so only admins pass here.
  'companies.inviteMember': { probe: (f) => f.client.companies.inviteMember.mutate({ companyId: f.companyId, email: uniqueEmail('member'), name: 'New member' }), expect: adminOnly },
  'companies.removeMember': { probe: (f) => f.client.companies.removeMember.mutate({ userId: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  'customers.addNote': { probe: (f) => f.client.customers.addNote.mutate({ customerId: f.customerId, body: 'Prefers email' }), expect: staffOnly },
};
