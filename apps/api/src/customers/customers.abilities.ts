import type { AbilityContribution } from '../access/app-ability.js';

/**
 * The CRM view of customers is staff-only: agents and managers read profiles and read and write
 * notes about customers; customers (company admins included) never see either. Admins: `manage all`.
 */
export const customersAbilities: AbilityContribution = {
  customer() {},
  agent(_user, { can }) {
    can('read', 'CustomerProfile');
    can(['read', 'create'], 'CustomerNote');
  },
  manager(_user, { can }) {
    can('read', 'CustomerProfile');
    can(['read', 'create'], 'CustomerNote');
  },
  admin() {},
};
