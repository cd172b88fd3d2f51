import type { Candidate } from './candidate.js';

/**
 * The next candidate after the one who got the team's last ticket, in user-id order, wrapping around.
 * Fair because the cursor is a row in the database that routing locks (see routing.repository.ts),
 * not a counter in one process.
 */
export function roundRobin(candidates: Candidate[], cursor: number | null): Candidate | null {
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => a.id - b.id);
  return sorted.find((c) => cursor === null || c.id > cursor) ?? sorted[0];
}
