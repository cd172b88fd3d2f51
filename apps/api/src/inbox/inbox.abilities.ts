import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Everyone reads and marks their own notifications, and sets their own notification preferences
 * (update); the repositories only ever touch the caller's rows.
 */
export const inboxAbilities: AbilityContribution = {
  customer(_user, { can }) {
    can('read', 'UserNotification');
    can('update', 'UserNotification');
  },
  agent(_user, { can }) {
    can('read', 'UserNotification');
    can('update', 'UserNotification');
  },
  manager(_user, { can }) {
    can('read', 'UserNotification');
    can('update', 'UserNotification');
  },
  admin() {},
};
