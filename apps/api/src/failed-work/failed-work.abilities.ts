import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Failed background work (listing, retrying, dismissing failed outbox rows) is for admins alone, who
 * get `manage all` from the factory. Managers do not see it: the rows are every kind of outgoing work
 * (password resets, invitations, customers' mail) and their errors quote addresses and provider
 * answers, and what the page is for (retry, dismiss) is an admin's call (docs/decisions/023).
 */
export const failedWorkAbilities: AbilityContribution = {
  customer() {},
  agent() {},
  manager() {},
  admin() {},
};
