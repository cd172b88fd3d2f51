import type { AbilityContribution } from '../access/app-ability.js';

/** Staff keep their own queue views and read the shared ones; customers have none. */
const staff: AbilityContribution['agent'] = (user, { can }) => {
  can(['create', 'update'], 'SavedView', { ownerId: user.id });
  can('read', 'SavedView', { ownerId: user.id });
  can('read', 'SavedView', { shared: true });
};

export const viewsAbilities: AbilityContribution = {
  customer() {},
  agent: staff,
  manager: staff,
  admin() {},
};
