import type { AbilityContribution } from '../access/app-ability.js';

/**
 * The dev outbox shows what the system sent: staff only. The body of a message that holds a one-time
 * secret (a password reset link) is for admins only (field-level rule; admins get `manage all`).
 */
export const notificationsAbilities: AbilityContribution = {
  customer() {},
  agent(_user, { can, cannot }) {
    can('read', 'OutboundMessage');
    cannot('read', 'OutboundMessage', ['body'], { sensitive: true });
  },
  manager(_user, { can, cannot }) {
    can('read', 'OutboundMessage');
    cannot('read', 'OutboundMessage', ['body'], { sensitive: true });
  },
  admin() {},
};
