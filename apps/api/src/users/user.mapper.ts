import type { Person, User } from '@switchboard/contracts';
import type { AuthUser } from '../common/actor.js';
import { permittedPersonFields, type PersonRow } from './person-fields.js';
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

/**
 * A person as others see them on a ticket. Which fields show is a CASL field rule on `Person`
 * (people.abilities.ts, companies.abilities.ts): customers see who staff and colleagues are, but only
 * their own contact data (and their company's customers', when they are its company admin).
 */
export function toPerson(user: PersonRow, viewer: AuthUser): Person {
  const fields = permittedPersonFields(viewer, user);
  if (!fields.has('id')) throw new Error(`viewer ${viewer.id} may not see person ${user.id}`);
  return {
    id: user.id!,
    name: fields.has('name') ? user.name : '',
    email: fields.has('email') ? user.email : null,
    role: user.role as Person['role'],
  };
}
