import type { Person, User } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';
import type { UserModel } from './user.model.js';

export function toAuthUser(user: UserModel): AuthUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    companyId: user.companyId ?? null,
    companyName: user.company?.name ?? null,
    companyAdmin: Boolean(user.companyAdmin),
    companyTicketVisibility: user.company?.ticketVisibility ?? null,
  };
}

export function toUser(user: AuthUser): User {
  const { companyAdmin, companyTicketVisibility: _visibility, ...rest } = user;
  return { ...rest, companyAdmin: Boolean(companyAdmin) };
}

/** A person as others see them on a ticket. Customers see staff names but not staff email addresses. */
export function toPerson(user: Pick<UserModel, 'id' | 'name' | 'email' | 'role'>, viewer?: AuthUser): Person {
  const hideEmail = viewer?.role === 'customer' && user.role !== 'customer' && user.id !== viewer.id;
  return { id: user.id, name: user.name, email: hideEmail ? null : user.email, role: user.role };
}
