import type { AuthUser } from '../common/actor.js';
import { permittedPersonFields } from './person-fields.js';

const viewer = (over: Partial<AuthUser>): AuthUser => ({ id: 1, name: 'V', email: 'v@x.test', role: 'customer', companyId: 5, companyName: 'Co', ...over });
const fields = (v: AuthUser, person: { id: number; role: string; companyId: number | null }) =>
  [...permittedPersonFields(v, { ...person, name: 'P', email: 'p@x.test' })].sort();

describe('Person field rules', () => {
  it('a customer sees their own contact data, and only names of colleagues and staff', () => {
    const me = viewer({});
    expect(fields(me, { id: 1, role: 'customer', companyId: 5 })).toEqual(['email', 'id', 'name', 'role']);
    expect(fields(me, { id: 2, role: 'customer', companyId: 5 })).toEqual(['id', 'name', 'role']);
    expect(fields(me, { id: 3, role: 'agent', companyId: null })).toEqual(['id', 'name', 'role']);
  });

  it('a company admin sees their company’s customers’ contact data, not other companies’ nor staff’s', () => {
    const boss = viewer({ companyAdmin: true });
    expect(fields(boss, { id: 2, role: 'customer', companyId: 5 })).toContain('email');
    expect(fields(boss, { id: 4, role: 'customer', companyId: 6 })).not.toContain('email');
    expect(fields(boss, { id: 3, role: 'agent', companyId: 5 })).not.toContain('email');
  });

  it('staff see every field', () => {
    for (const role of ['agent', 'manager', 'admin'] as const) {
      expect(fields(viewer({ role, companyId: null }), { id: 2, role: 'customer', companyId: 5 })).toEqual(['email', 'id', 'name', 'role']);
    }
  });
});
