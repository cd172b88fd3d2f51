import { subject } from '@casl/ability';
import { Op } from 'sequelize';
import { defineAbilityFor } from '../access/ability.factory.js';
import { accessibleWhere } from '../access/accessible-where.js';
import type { AuthUser } from '../common/actor.js';

const companyUser = (visibility: 'own' | 'company', companyAdmin = false): AuthUser => ({
  id: 7, role: 'customer', name: 'C', email: 'c@x.test', companyId: 3, companyName: 'Acme', companyAdmin, companyTicketVisibility: visibility,
});

describe('company ticket visibility as SQL', () => {
  it('keeps a company user to their own tickets when the company says own', () => {
    expect(accessibleWhere(defineAbilityFor(companyUser('own')), 'read', 'Ticket')).toEqual({ requesterId: 7 });
  });

  it('adds the company’s tickets when the company says company', () => {
    const ability = defineAbilityFor(companyUser('company'));
    expect(accessibleWhere(ability, 'read', 'Ticket')).toEqual({ [Op.or]: [{ companyId: 3 }, { requesterId: 7 }] });
    expect(ability.can('read', subject('Ticket', { id: 1, requesterId: 99, companyId: 3, assigneeId: null, status: 'open' }))).toBe(true);
    expect(ability.can('read', subject('Ticket', { id: 1, requesterId: 99, companyId: 4, assigneeId: null, status: 'open' }))).toBe(false);
    // Reading is all: replying stays with the requester.
    expect(ability.can('reply', subject('Ticket', { id: 1, requesterId: 99, companyId: 3, assigneeId: null, status: 'open' }))).toBe(false);
  });

  it('lets only a company admin list and manage the company’s customers', () => {
    expect(accessibleWhere(defineAbilityFor(companyUser('own')), 'read', 'User')).toBeNull();
    expect(accessibleWhere(defineAbilityFor(companyUser('own', true)), 'read', 'User')).toEqual({ companyId: 3, role: 'customer' });
  });
});
