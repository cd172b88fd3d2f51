/** What anyone who may see a person on a ticket sees: who they are, not how to reach them. */
export const PERSON_PUBLIC_FIELDS = ['id', 'name', 'role'];
/** A person's contact data: shown by field rules only (their own, staff, their company's admins). */
export const PERSON_CONTACT_FIELDS = ['email'];
/**
 * The columns a person on a ticket or timeline entry is loaded with: what a Person can show plus
 * what its field rules test. Never the password hash, the two-factor seed, the lockout state or an
 * agent's capacity, hours and availability (agents' private fields): those are not even read.
 */
export const PERSON_COLUMNS = ['id', 'name', 'email', 'role', 'companyId'];
