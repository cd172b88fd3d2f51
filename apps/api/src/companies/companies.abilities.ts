import type { AbilityContribution } from '../access/app-ability.js';
import { PERSON_CONTACT_FIELDS } from '../users/person-columns.js';

/**
 * Companies. A company user reads their company; a company admin also lists, invites, removes and
 * manages its customers. When the company's `ticketVisibility` is `company`, its users read every
 * ticket of the company (without the colleagues' contact data, unless they are its company admin): a
 * condition on `companyId`, so the queue list and get-ticket filter it in SQL
 * (access/accessible-where.ts). Staff read companies; only admins change them.
 */
export const companiesAbilities: AbilityContribution = {
  customer(user, { can }) {
    if (user.companyId === null) return;
    can('read', 'Company', { id: user.companyId });
    if (user.companyTicketVisibility === 'company') can('read', 'Ticket', { companyId: user.companyId });
    if (user.companyAdmin) {
      can(['read', 'update', 'create'], 'User', { companyId: user.companyId, role: 'customer' });
      // A colleague's contact data on a company ticket: only the company's admins see it.
      can('read', 'Person', PERSON_CONTACT_FIELDS, { companyId: user.companyId, role: 'customer' });
    }
  },
  agent(_user, { can }) {
    can('read', 'Company');
  },
  manager(_user, { can }) {
    can('read', 'Company');
  },
  admin() {},
};
