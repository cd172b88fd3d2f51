import type { AbilityContribution } from '../access/app-ability.js';

/** The requester rates their own ticket; staff read ratings; admins get `manage all` from the factory. */
export const satisfactionAbilities: AbilityContribution = {
  customer(user, { can }) {
    can('create', 'SatisfactionRating');
    can('read', 'SatisfactionRating', { customerId: user.id });
  },
  agent(_user, { can }) {
    can('read', 'SatisfactionRating');
  },
  manager(_user, { can }) {
    can('read', 'SatisfactionRating');
  },
  admin() {},
};
