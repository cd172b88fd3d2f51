import sanitizeHtml from 'sanitize-html';

/**
 * The one allow-list for HTML in timeline bodies. Everything not listed is dropped: no script,
 * style, iframe, object or form, images only as `cid:` references to a file of the same entry (an
 * email's inline image, never an image from outside), no event handlers, no style or class
 * attributes (except our own mention marker and an email's folded quote), and links only to http,
 * https and mailto. Tables (without attributes beyond spans) keep an email's layout readable;
 * `<details class="quoted"><summary>` is how an email's quoted history and signature are folded
 * (channels/email/inbound/inbound-html.ts) and opens without JavaScript; no `open` attribute.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'div', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'sub', 'sup', 'small',
    'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'img',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'details', 'summary',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    span: ['class'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    details: ['class'],
  },
  allowedClasses: { span: ['sb-mention'], details: ['quoted'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An image whose source was dropped (http:, data:, ...) is dropped with it.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^cid:/i.test(frame.attribs.src ?? ''),
  // Links open safely and pass no ranking to whatever a customer pasted.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};
// rel/target are set by the transform above; let them through the attribute filter too.
(POLICY.allowedAttributes as Record<string, string[]>).a!.push('rel', 'target');

/**
 * Sanitized HTML: safe to hand to dangerouslySetInnerHTML. Idempotent. `textFilter` may rewrite
 * (already escaped) text nodes; only our own code passes one, to mark mentions.
 */
export function sanitizeEntryHtml(html: string, textFilter?: (text: string, tag: string) => string): string {
  return sanitizeHtml(html, textFilter ? { ...POLICY, textFilter } : POLICY).trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Plain text as HTML: escaped, blank lines start paragraphs, single line breaks become <br>. */
export function textToHtml(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (!normalized) return '';
  return normalized
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br />')}</p>`)
    .join('');
}

const BLOCK_END = /<\/(p|div|h[1-6]|blockquote|pre|ul|ol|table|tr|details|summary)>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** The plain-text version of (already sanitized) HTML: tags dropped, blocks and <br> as line breaks. */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<hr\s*\/?>/gi, '\n\n')
    .replace(BLOCK_END, '\n\n');
  const stripped = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return stripped
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]!)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
