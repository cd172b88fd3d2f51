/**
 * The known terms of each first letter that "did you mean" has read (kb-search.repository.ts), shared
 * by the process. Saving an article in this process forgets them, so its words are candidates at once
 * here; other processes see them when their copy expires (TERMS_TTL_MS).
 */
export const knownTermsByLetter = new Map<string, { terms: string[]; at: number }>();

export function forgetKnownTerms(): void {
  knownTermsByLetter.clear();
}
