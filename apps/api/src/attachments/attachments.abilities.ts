import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Everyone signed in may upload. Customers read attachments of public entries (the handler also
 * checks they may read the ticket) and their own uploads not yet attached to anything; staff read
 * all. Internal-note attachments carry visibility 'internal', so no customer rule ever matches them.
 */
export const attachmentsAbilities: AbilityContribution = {
  customer(user, { can }) {
    can('create', 'Attachment');
    can('read', 'Attachment', { visibility: 'public' });
    can('read', 'Attachment', { uploaderId: user.id, ticketId: null });
  },
  agent(_user, { can }) {
    can(['create', 'read'], 'Attachment');
  },
  manager(_user, { can }) {
    can(['create', 'read'], 'Attachment');
  },
  admin() {},
};
