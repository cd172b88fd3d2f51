const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * About `width` characters of `text` around the first matched term, HTML-escaped, with every
 * occurrence of a term (at a word start) wrapped in <mark>. Safe to render as HTML.
 */
export function highlight(text: string, terms: string[], width = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const pattern = terms.length
    ? new RegExp(`(?<![\\p{L}\\p{N}_])(${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}_]*`, 'giu')
    : null;
  const first = pattern ? flat.search(pattern) : -1;
  let start = first > width / 3 ? first - Math.floor(width / 3) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const window = flat.slice(start, end);
  const marked = pattern
    ? escapeHtml(window).replace(
        new RegExp(`(?<![\\p{L}\\p{N}_])(${terms.map((t) => escapeRegExp(escapeHtml(t))).join('|')})[\\p{L}\\p{N}_]*`, 'giu'),
        (m) => `<mark>${m}</mark>`,
      )
    : escapeHtml(window);
  return `${start > 0 ? '… ' : ''}${marked}${end < flat.length ? ' …' : ''}`;
}
