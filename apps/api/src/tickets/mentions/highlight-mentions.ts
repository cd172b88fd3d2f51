import { sanitizeEntryHtml } from '../bodies/entry-html.js';

const SKIP_IN = new Set(['a', 'code', 'pre', 'span']);

/**
 * Wraps each resolved @token in the note's (sanitized) HTML in <span class="sb-mention">, which the
 * allow-list keeps and the timeline highlights. Runs through the sanitizer, so the result is safe.
 */
export function highlightMentions(html: string, tokens: ReadonlySet<string>): string {
  if (tokens.size === 0) return html;
  return sanitizeEntryHtml(html, (text, tag) => {
    if (SKIP_IN.has(tag)) return text;
    return text.replace(/(^|[^A-Za-z0-9._%+@-])@([A-Za-z0-9][A-Za-z0-9._+-]*)/g, (whole, lead: string, raw: string) => {
      const token = raw.replace(/[._+-]+$/, '');
      if (!tokens.has(token.toLowerCase())) return whole;
      return `${lead}<span class="sb-mention">@${token}</span>${raw.slice(token.length)}`;
    });
  });
}
