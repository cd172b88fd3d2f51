/**
 * From what a reader typed to an InnoDB BOOLEAN MODE query (docs/decisions/012-knowledge-base-search.md).
 *
 * InnoDB indexes words of at least innodb_ft_min_token_size (3 by default, on MySQL 8 and MariaDB
 * alike) characters and leaves out its default stopwords. A required term (+word) that the index
 * never holds would make every query containing it find nothing, so such words are dropped here
 * and the rest are required. Operators the reader typed are not passed through.
 */
export const MIN_TOKEN = 3;
export const MAX_TOKEN = 84;

/** INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD, the same list on MySQL 8 and MariaDB 10.11. */
export const INNODB_STOPWORDS = new Set([
  'a', 'about', 'an', 'are', 'as', 'at', 'be', 'by', 'com', 'de', 'en', 'for', 'from', 'how', 'i', 'in', 'is', 'it',
  'la', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'what', 'when', 'where', 'who', 'will', 'with', 'und',
  'www',
]);

/** Every word as InnoDB's parser splits it (letters, digits and underscore), lower-cased. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
}

/** The words the FULLTEXT index can find: long enough, not stopwords, de-duplicated, at most 8. */
export function indexableTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < MIN_TOKEN || w.length > MAX_TOKEN || INNODB_STOPWORDS.has(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length === 8) break;
  }
  return out;
}

/**
 * Every term required (or, with `anyTerm`, any of them, ranked by how many and how rare: for
 * matching a ticket's free text against articles); a plural also matches its singular ("printers" finds "printer"), the only
 * stemming we do. `prefixLast` makes the last term a prefix, for search-as-you-type.
 */
export function booleanQuery(terms: string[], prefixLast = false, anyTerm = false): string {
  const required = anyTerm ? '' : '+';
  return terms
    .map((t, i) => {
      if (prefixLast && i === terms.length - 1) return `${required}${t}*`;
      if (t.length > 4 && t.endsWith('s')) return anyTerm ? `${t} ${t.slice(0, -1)}` : `+(${t} ${t.slice(0, -1)})`;
      return `${required}${t}`;
    })
    .join(' ');
}
