import type { AbilityContribution } from '../access/app-ability.js';

/** The dev outbox shows what the system sent to customers: staff only. */
export const notificationsAbilities: AbilityContribution = {
  customer() {},
  agent(_user, { can }) {
    can('read', 'OutboundMessage');
  },
  manager(_user, { can }) {
    can('read', 'OutboundMessage');
  },
  admin() {},
};
