import { subject } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { defineAbilityFor } from '../access/ability.factory.js';
import type { AppAbility } from '../access/app-ability.js';
import type { AuthUser } from '../common/actor.js';
import { PERSON_CONTACT_FIELDS, PERSON_PUBLIC_FIELDS } from './person-columns.js';

const ALL_PERSON_FIELDS = [...PERSON_PUBLIC_FIELDS, ...PERSON_CONTACT_FIELDS];

export interface PersonRow {
  /** Optional only because loaded models declare it so; a loaded row always has one. */
  id?: number;
  name: string;
  email: string;
  role: string;
  companyId?: number | null;
}

/** One ability per viewer object: the mappers get the viewer, and a page maps many people. */
const abilities = new WeakMap<AuthUser, AppAbility>();
function abilityOf(viewer: AuthUser): AppAbility {
  let ability = abilities.get(viewer);
  if (!ability) {
    ability = defineAbilityFor(viewer);
    abilities.set(viewer, ability);
  }
  return ability;
}

/** The fields of this person the viewer may read (CASL field rules on `Person`, checked against the row). */
export function permittedPersonFields(viewer: AuthUser, person: PersonRow): Set<string> {
  const ability = abilityOf(viewer);
  const row = subject('Person', { id: person.id!, role: person.role, companyId: person.companyId ?? null });
  return new Set(permittedFieldsOf(ability, 'read', row, { fieldsFrom: (rule) => rule.fields ?? ALL_PERSON_FIELDS }));
}
