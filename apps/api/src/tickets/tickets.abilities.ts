import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Customers read and reply to their own tickets and only ever see public entries;
 * agents and managers read and work every ticket; admins get `manage all` from the factory.
 */
export const ticketsAbilities: AbilityContribution = {
  customer(user, { can }) {
    can('create', 'Ticket');
    can('read', 'Ticket', { requesterId: user.id });
    can('reply', 'Ticket', { requesterId: user.id });
    // Their own ticket only; which statuses allow it is the handlers' business (ticket-workflow.ts).
    can(['close', 'reopen'], 'Ticket', { requesterId: user.id });
    can('read', 'TicketEntry', { visibility: 'public' });
  },
  agent(_user, { can }) {
    can(['create', 'read', 'update', 'reply', 'comment', 'close', 'reopen'], 'Ticket');
    can('read', 'TicketEntry');
  },
  manager(_user, { can }) {
    can(['create', 'read', 'update', 'reply', 'comment', 'close', 'reopen'], 'Ticket');
    can('read', 'TicketEntry');
    can('read', 'AuditEntry');
  },
  admin() {},
};
