import type { MappingRow, StaffRole } from './sso-group-mapping.repository.js';

const RANK: Record<StaffRole, number> = { agent: 1, manager: 2, admin: 3 };

export interface ProvisioningPlan {
  /** The role the groups give, or null when no mapping names a role (roles are then not managed). */
  role: StaffRole | null;
  /** Teams to join and to leave; teams no mapping names are never touched. */
  join: number[];
  leave: number[];
}

/**
 * What a sign-on with these groups means (decision 027): the highest role any of the user's groups
 * gives, `agent` when the mappings name roles but none of the user's groups does; membership of every
 * mapped team follows the groups. Group names compare exactly (providers send ids or names as-is).
 */
export function planProvisioning(mappings: MappingRow[], groups: string[], currentTeams: number[]): ProvisioningPlan {
  const mine = new Set(groups);
  const matched = mappings.filter((m) => mine.has(m.group));
  const rolesManaged = mappings.some((m) => m.role !== null);
  const role = rolesManaged
    ? matched.reduce<StaffRole>((best, m) => (m.role && RANK[m.role] > RANK[best] ? m.role : best), 'agent')
    : null;
  const managedTeams = new Set(mappings.flatMap((m) => (m.teamId === null ? [] : [m.teamId])));
  const wanted = new Set(matched.flatMap((m) => (m.teamId === null ? [] : [m.teamId])));
  const current = new Set(currentTeams);
  return {
    role,
    join: [...wanted].filter((t) => !current.has(t)).sort((a, b) => a - b),
    leave: [...current].filter((t) => managedTeams.has(t) && !wanted.has(t)).sort((a, b) => a - b),
  };
}

/**
 * The claim `name` (OIDC_GROUPS_CLAIM, default `groups`) in these claims: a top-level claim of that
 * exact name (Auth0's namespaced claims are URLs with dots), else a dotted path into nested objects
 * (Keycloak's `realm_access.roles`). Undefined when absent.
 */
export function claimAt(claims: Record<string, unknown> | undefined, name: string): unknown {
  if (!claims) return undefined;
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The groups claim as a list of strings, or null when the provider sent none. */
export function groupsClaim(claims: Record<string, unknown> | undefined, name = 'groups'): string[] | null {
  const value = claimAt(claims, name);
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return [value];
  return null;
}
