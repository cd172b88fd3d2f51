import type { AbilityContribution } from '../../access/app-ability.js';

/**
 * The inbound email log (failed, spam and ignored messages, and retrying them) is for admins,
 * who get `manage all` from the factory. Agents see why an email entry landed on a ticket through
 * the ticket itself (email.entryRoutes checks they may work the ticket).
 */
export const emailAbilities: AbilityContribution = {
  customer() {},
  agent() {},
  manager() {},
  admin() {},
};
