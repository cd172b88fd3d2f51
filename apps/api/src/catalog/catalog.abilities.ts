import type { AbilityContribution } from '../access/app-ability.js';

/** Everyone signed in reads the catalog (customers see only what the portal form needs); admins change it. */
export const catalogAbilities: AbilityContribution = {
  customer(_user, { can }) {
    can('read', 'Catalog');
  },
  agent(_user, { can }) {
    can('read', 'Catalog');
  },
  manager(_user, { can }) {
    can('read', 'Catalog');
  },
  admin() {},
};
