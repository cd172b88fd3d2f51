import { htmlToText, sanitizeEntryHtml, textToHtml } from './entry-html.js';

/** What an entry stores: `body` is plain text (as it always was), `bodyHtml` the sanitized HTML. */
export interface StoredBody {
  body: string;
  bodyHtml: string;
}

/**
 * From what a client sent to what is stored. HTML, when given, is sanitized and wins: the plain
 * text is derived from it so the two never disagree. Plain text alone is escaped into paragraphs.
 * `textBesideHtml`: a channel that has its own plain text of the same message (email) keeps it.
 */
export function toStoredBody(input: { body?: string | null; bodyHtml?: string | null }, options: { textBesideHtml?: boolean } = {}): StoredBody {
  if (input.bodyHtml != null && input.bodyHtml.trim() !== '') {
    const bodyHtml = sanitizeEntryHtml(input.bodyHtml);
    const given = options.textBesideHtml ? (input.body ?? '').trim() : '';
    return { body: given || htmlToText(bodyHtml), bodyHtml };
  }
  const body = (input.body ?? '').trim();
  return { body, bodyHtml: textToHtml(body) };
}

/**
 * The HTML an entry is shown with. Rows written before bodies had HTML (body_html NULL) hold plain
 * text, which is escaped into paragraphs. Stored HTML is sanitized again on the way out, so a row
 * written by any other path, or under an older allow-list, still cannot carry script to a browser.
 */
export function entryHtml(entry: { body: string; bodyHtml?: string | null }): string {
  return entry.bodyHtml != null ? sanitizeEntryHtml(entry.bodyHtml) : textToHtml(entry.body);
}
