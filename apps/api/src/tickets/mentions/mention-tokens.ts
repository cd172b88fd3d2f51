/**
 * @mentions in internal notes: "@" + the start of a staff member's email local part, e.g. `@ana`
 * for ana.lopez@acme.test. An exact local part wins; otherwise the token must be the start of
 * exactly one staff member's local part (an ambiguous or unknown token mentions nobody).
 * Only staff are ever candidates: a customer's address never resolves. See docs/decisions/006.
 */
export const MAX_MENTIONS_PER_NOTE = 20;
const MIN_TOKEN_LENGTH = 2;

// "@" at the start or after something that cannot be part of an address (so a@b.test is no mention).
const MENTION = /(^|[^A-Za-z0-9._%+@-])@([A-Za-z0-9][A-Za-z0-9._+-]*)/g;

/** The distinct, lower-cased tokens after "@" in a note's plain text, in order of appearance. */
export function extractMentionTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const token = match[2]!.replace(/[._+-]+$/, '').toLowerCase();
    if (token.length >= MIN_TOKEN_LENGTH) tokens.add(token);
    if (tokens.size >= MAX_MENTIONS_PER_NOTE) break;
  }
  return [...tokens];
}

export interface StaffCandidate {
  id: number;
  name: string;
  email: string;
}

const localPart = (email: string) => email.slice(0, email.indexOf('@')).toLowerCase();

/** token -> the one staff member it names; tokens naming nobody, or several, are left out. */
export function resolveMentions(tokens: readonly string[], staff: readonly StaffCandidate[]): Map<string, StaffCandidate> {
  const resolved = new Map<string, StaffCandidate>();
  for (const token of tokens) {
    const exact = staff.filter((s) => localPart(s.email) === token);
    const candidates = exact.length > 0 ? exact : staff.filter((s) => localPart(s.email).startsWith(token));
    if (candidates.length === 1) resolved.set(token, candidates[0]!);
  }
  return resolved;
}
