import type { Candidate, TicketNeeds } from './candidate.js';
import { byLoad } from './least-loaded.js';

/**
 * Only candidates who have every required skill (any level) and speak the ticket's language qualify;
 * among them the highest sum of levels wins, ties by load. Nobody qualifying means the ticket waits.
 */
export function qualifies(candidate: Candidate, needs: TicketNeeds): boolean {
  if (needs.language && !candidate.languages.some((l) => sameLanguage(l, needs.language!))) return false;
  return needs.skills.every((s) => candidate.skills.has(s.id));
}

export function skillsBased(candidates: Candidate[], needs: TicketNeeds): Candidate | null {
  const score = (c: Candidate) => needs.skills.reduce((sum, s) => sum + (c.skills.get(s.id) ?? 0), 0);
  return [...candidates.filter((c) => qualifies(c, needs))].sort((a, b) => score(b) - score(a) || byLoad(a, b))[0] ?? null;
}

/** `es` matches `es-MX` and the other way round: the base language is what matters. */
function sameLanguage(a: string, b: string) {
  return a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];
}
