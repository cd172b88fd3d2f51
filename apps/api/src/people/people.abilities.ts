import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Agent profiles, skills, teams and routing rules. Staff read them; an agent sets only their own
 * availability; managers run their people (profiles, skills, teams, routing rules; "team oversight");
 * inviting staff and changing system settings stays with admins (`manage all` from the factory).
 */
export const peopleAbilities: AbilityContribution = {
  customer() {},
  agent(user, { can }) {
    can('read', ['AgentProfile', 'Skill', 'Team', 'RoutingRule']);
    can('update', 'Availability', { userId: user.id });
  },
  manager(_user, { can }) {
    can('read', ['AgentProfile', 'Skill', 'Team', 'RoutingRule', 'User']);
    can('update', ['AgentProfile', 'Availability']);
    can('manage', ['Skill', 'Team', 'RoutingRule']);
  },
  admin() {},
};
