import type { AbilityContribution } from '../access/app-ability.js';

/** Everyone reads and marks their own notifications; the repository only ever touches the caller's rows. */
export const inboxAbilities: AbilityContribution = {
  customer(_user, { can }) {
    can('read', 'UserNotification');
  },
  agent(_user, { can }) {
    can('read', 'UserNotification');
  },
  manager(_user, { can }) {
    can('read', 'UserNotification');
  },
  admin() {},
};
