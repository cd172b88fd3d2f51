import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { Op } from 'sequelize';
import type { AuthUser } from '../common/actor.js';
import { defineAbilityFor } from './ability.factory.js';
import { accessibleWhere, conditionsToWhere } from './accessible-where.js';
import type { AppAbility } from './app-ability.js';

const user = (role: AuthUser['role'], id = 7): AuthUser => ({ id, role, name: 'U', email: 'u@x.test', companyId: null, companyName: null });

describe('accessibleWhere: CASL rules -> Sequelize where', () => {
  it('scopes a customer to their own tickets and to public entries', () => {
    const ability = defineAbilityFor(user('customer', 7));
    expect(accessibleWhere(ability, 'read', 'Ticket')).toEqual({ requesterId: 7 });
    expect(accessibleWhere(ability, 'read', 'TicketEntry')).toEqual({ visibility: 'public' });
  });

  it('gives staff every ticket and every entry', () => {
    for (const role of ['agent', 'manager', 'admin'] as const) {
      const ability = defineAbilityFor(user(role));
      expect(accessibleWhere(ability, 'read', 'Ticket')).toEqual({});
      expect(accessibleWhere(ability, 'read', 'TicketEntry')).toEqual({});
    }
  });

  it('returns null when nothing is allowed', () => {
    expect(accessibleWhere(defineAbilityFor(user('customer')), 'read', 'OutboundMessage')).toBeNull();
  });

  it('combines several can rules with OR and cannot rules with AND NOT, using Op symbols', () => {
    const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    can('read', 'Ticket', { requesterId: 1 });
    can('read', 'Ticket', { companyId: { $in: [3, 4] } });
    cannot('read', 'Ticket', { status: 'closed' });
    const where = accessibleWhere(build(), 'read', 'Ticket') as Record<symbol, unknown>;
    expect(where).toEqual({
      [Op.or]: [
        { [Op.and]: [{ companyId: { [Op.in]: [3, 4] } }, { [Op.not]: { status: 'closed' } }] },
        { [Op.and]: [{ requesterId: 1 }, { [Op.not]: { status: 'closed' } }] },
      ],
    });
  });

  it('refuses operators it cannot translate instead of silently widening access', () => {
    expect(() => conditionsToWhere({ subject: { $regex: 'x' } })).toThrow(/Unsupported CASL operator \$regex/);
  });

  it('fails on an unknown role', () => {
    expect(() => defineAbilityFor(user('superuser' as AuthUser['role']))).toThrow(/Unknown role/);
  });
});
