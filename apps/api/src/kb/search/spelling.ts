/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** How far a word may be from its correction: one typo in short words, two in longer ones. */
export const allowedDistance = (word: string) => (word.length <= 5 ? 1 : 2);

/** The closest candidate within the allowed distance (ties: the first, candidates come sorted). */
export function closest(word: string, candidates: string[]): string | null {
  const max = allowedDistance(word);
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    if (candidate === word) return word;
    const d = editDistance(word, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
