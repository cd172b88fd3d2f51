import type { AbilityContribution } from '../access/app-ability.js';
import { PERSON_CONTACT_FIELDS, PERSON_PUBLIC_FIELDS } from '../users/person-columns.js';

/**
 * Agent profiles, skills, teams and routing rules. Staff read them; an agent sets only their own
 * availability; managers run their people (profiles, skills, teams, routing rules; "team oversight");
 * inviting staff and changing system settings stays with admins (`manage all` from the factory).
 * People on tickets (`Person`) have field rules: a customer sees anyone's name and role but only
 * their own contact data, never staff addresses or agents' settings; staff see everyone's.
 */
export const peopleAbilities: AbilityContribution = {
  customer(user, { can }) {
    can('read', 'Person', PERSON_PUBLIC_FIELDS);
    can('read', 'Person', PERSON_CONTACT_FIELDS, { id: user.id });
  },
  agent(user, { can }) {
    can('read', ['AgentProfile', 'Skill', 'Team', 'RoutingRule', 'Person']);
    can('update', 'Availability', { userId: user.id });
  },
  manager(_user, { can }) {
    can('read', ['AgentProfile', 'Skill', 'Team', 'RoutingRule', 'User', 'Person']);
    can('update', ['AgentProfile', 'Availability']);
    can('manage', ['Skill', 'Team', 'RoutingRule']);
  },
  admin() {},
};
