import type { AbilityContribution } from '../access/app-ability.js';

/**
 * Companies. A company user reads their company; a company admin also lists and manages its
 * customers. When the company's `ticketVisibility` is `company`, its users read every ticket of
 * the company: a condition on `companyId`, so the queue list and get-ticket filter it in SQL
 * (access/accessible-where.ts). Staff read companies; only admins change them.
 */
export const companiesAbilities: AbilityContribution = {
  customer(user, { can }) {
    if (user.companyId === null) return;
    can('read', 'Company', { id: user.companyId });
    if (user.companyTicketVisibility === 'company') can('read', 'Ticket', { companyId: user.companyId });
    if (user.companyAdmin) can(['read', 'update'], 'User', { companyId: user.companyId, role: 'customer' });
  },
  agent(_user, { can }) {
    can('read', 'Company');
  },
  manager(_user, { can }) {
    can('read', 'Company');
  },
  admin() {},
};
