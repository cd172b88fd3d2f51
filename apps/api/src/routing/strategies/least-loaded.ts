import type { Candidate } from './candidate.js';

/** The lowest share of capacity in use wins; then fewer open tickets; then the lower id (stable). */
export function byLoad(a: Candidate, b: Candidate): number {
  const share = a.load / a.capacity - b.load / b.capacity;
  if (share !== 0) return share;
  return a.load - b.load || a.id - b.id;
}

export function leastLoaded(candidates: Candidate[]): Candidate | null {
  return [...candidates].sort(byLoad)[0] ?? null;
}
