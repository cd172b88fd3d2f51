import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list for article HTML: what Markdown produces (headings, lists, tables, code, quotes,
 * links, images over https), nothing that runs or styles. Raw HTML inside the Markdown goes through
 * the same filter, so an author cannot put script on a public page.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup',
    'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'kbd',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['align'], td: ['align'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
};

const marked = new Marked({ gfm: true, breaks: false, async: false });

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, POLICY);
}

/** Markdown -> sanitized HTML, safe for dangerouslySetInnerHTML. */
export function renderMarkdown(markdown: string): string {
  return sanitizeArticleHtml(marked.parse(markdown) as string);
}

/** The words of the rendered article, for the FULLTEXT index and snippets. */
export function htmlToPlainText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h\d|li|pre|blockquote|tr)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
