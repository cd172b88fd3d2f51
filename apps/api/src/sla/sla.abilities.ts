import type { AbilityContribution } from '../access/app-ability.js';

/**
 * SLA policies and calendars: staff read them (and the SLA of the tickets they may read, checked per
 * ticket); managers and admins change them (issue 6: managers own SLA and rule settings; admins through
 * `manage all` from the factory). Customers see only the friendly
 * expected-response time of their own tickets, checked against the ticket itself. Compliance reports:
 * managers and admins.
 */
export const slaAbilities: AbilityContribution = {
  customer() {},
  agent(_user, { can }) {
    can('read', 'SlaPolicy');
  },
  manager(_user, { can }) {
    can('manage', 'SlaPolicy');
    can('read', 'SlaReport');
  },
  admin() {},
};
