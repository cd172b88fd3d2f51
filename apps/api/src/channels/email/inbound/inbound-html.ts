import { Element, Text, isTag, isText, type AnyNode, type ParentNode } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { sanitizeEntryHtml } from '../../../tickets/bodies/entry-html.js';
import { startsQuotedHistory } from '../threading/quoted-history.js';

/** HTML longer than this is not even parsed: the entry keeps its text (a 5 MB newsletter stays off the timeline). */
export const MAX_SOURCE_HTML_CHARS = 1_000_000;
/** Sanitized HTML longer than this is not stored: the entry keeps its text. */
export const MAX_STORED_HTML_CHARS = 100_000;
/**
 * Markup nested deeper than this is not parsed: the entry keeps its text. Real mail stays far below
 * (a long Gmail thread nests a few levels per message); htmlparser2 and sanitize-html both slow down
 * with the square of the depth, and the DOM walks here recurse.
 */
export const MAX_NESTING = 500;

type FoldKind = 'quote' | 'signature' | 'forward';

/** What the collapsed part is called in its <summary> (the stored HTML is the same for every viewer). */
function summaryOf(kinds: Set<FoldKind>): string {
  if (kinds.has('forward')) return 'Forwarded message';
  if (kinds.has('quote') && kinds.has('signature')) return 'Signature and quoted text';
  return kinds.has('signature') ? 'Signature' : 'Quoted text';
}

const classes = (el: Element) => (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
const hasClass = (el: Element, test: (name: string) => boolean) => classes(el).some(test);
const textOf = (nodes: AnyNode | AnyNode[]) => DomUtils.textContent(nodes).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Blocks that are quoted history or a signature as a whole, by the markup of the client that wrote
 * them. Gmail: div.gmail_quote (its "On … wrote:" is inside), .gmail_signature and the "-- " prefix
 * span before it; Apple Mail and Thunderbird: blockquote type=cite, Thunderbird's .moz-cite-prefix
 * ("On … wrote:") and .moz-signature; Yahoo: .yahoo_quoted (Yahoo prefixes its classes, e.g.
 * "ydp1a2yahoo_quoted", so the suffix counts); Outlook on the web: div#Signature.
 */
function blockFold(el: Element): FoldKind | null {
  if (hasClass(el, (c) => c === 'gmail_quote' || c === 'gmail_quote_container' || c.endsWith('yahoo_quoted') || c === 'moz-cite-prefix')) {
    return 'quote';
  }
  if (el.name === 'blockquote' && /cite/i.test(el.attribs.type ?? '')) return 'quote';
  if (hasClass(el, (c) => c === 'gmail_signature' || c === 'gmail_signature_prefix' || c === 'moz-signature')) return 'signature';
  if (el.attribs['data-smartmail'] === 'gmail_signature') return 'signature';
  // Outlook on the web and new Outlook: the signature block it inserts (x_Signature once quoted in a reply).
  if (el.name === 'div' && /^(x_)?signature$/i.test(el.attribs.id ?? '')) return 'signature';
  return null;
}

const OUTLOOK_DIVIDER = /border-top\s*:\s*(?:solid\s+(?:#E1E1E1|#B5C4DF)|[\d.]+(?:pt|px)\s+solid\s+(?:#E1E1E1|#B5C4DF|rgb\(\s*225\s*,\s*225\s*,\s*225\s*\)|rgb\(\s*181\s*,\s*196\s*,\s*223\s*\)))/i;
const SIGNATURE_DELIMITER = /^[\r\n\t ]*--[ \u00a0][\r\n\t \u00a0]*$/;
const ORIGINAL_MESSAGE = /^[\s\u00a0]*-{2,}\s*(Original Message|Ursprüngliche Nachricht)\s*-{2,}[\s\u00a0]*$/i;
const BLOCK = new Set(['p', 'div', 'br', 'blockquote', 'pre', 'table', 'ul', 'ol', 'li', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isLineEdge = (node: AnyNode | null) => node == null || (isTag(node) && BLOCK.has(node.name));

/**
 * Where everything from here to the end of the message is history or signature: Outlook's
 * #appendonsend / #divRplyFwdMsg (with the rule drawn just before it) and its "From:" divider, a
 * "-----Original Message-----" line, and a plain "-- " signature delimiter, each on a line of its own.
 */
function cutAt(node: AnyNode): { from: AnyNode; kind: FoldKind } | null {
  if (isTag(node)) {
    const id = node.attribs.id ?? '';
    if (id === 'appendonsend') return { from: node, kind: 'quote' };
    if (id === 'divRplyFwdMsg') {
      const before = previousMeaningful(node);
      return { from: before && isTag(before) && before.name === 'hr' ? before : node, kind: 'quote' };
    }
    if (node.name === 'div' && OUTLOOK_DIVIDER.test(node.attribs.style ?? '')) return { from: node, kind: 'quote' };
    return null;
  }
  if (!isText(node) || !isLineEdge(node.prev) || !isLineEdge(node.next)) return null;
  if (SIGNATURE_DELIMITER.test(node.data)) return { from: node, kind: 'signature' };
  if (ORIGINAL_MESSAGE.test(node.data)) return { from: node, kind: 'quote' };
  return null;
}

const isFiller = (node: AnyNode) => (isText(node) && !node.data.replace(/[\s\u00a0]+/g, '')) || (isTag(node) && node.name === 'br') || node.type === 'comment';

function previousMeaningful(node: AnyNode): AnyNode | null {
  let at = node.prev;
  while (at && isFiller(at)) at = at.prev;
  return at;
}

/** `<details class="quoted"><summary>…</summary>…</details>` holding `nodes` (already out of the tree): collapsed until opened, without JavaScript. */
function detailsOf(kinds: Set<FoldKind>, nodes: AnyNode[]): Element {
  const summary = new Element('summary', {}, [new Text(summaryOf(kinds))]);
  const details = new Element('details', { class: 'quoted' }, [summary, ...nodes]);
  relink(details);
  return details;
}

/** Sets parent, prev and next of every child after `parent.children` was rebuilt (one pass, not a splice per node). */
function relink(parent: ParentNode) {
  parent.children.forEach((child, i) => {
    child.parent = parent;
    child.prev = parent.children[i - 1] ?? null;
    child.next = parent.children[i + 1] ?? null;
  });
}

const contains = (ancestor: AnyNode, node: AnyNode) => {
  for (let at: AnyNode | null = node; at; at = at.parent) if (at === ancestor) return true;
  return false;
};

/** Whether a reader sees anything of `node` (words or an image), not counting `hidden` folds. Stops at the first. */
function shows(node: AnyNode, hidden: Set<Element>): boolean {
  if (isText(node)) return /[^\s\u00a0\u202f]/.test(node.data);
  if (!isTag(node) || hidden.has(node)) return false;
  return node.name === 'img' || node.children.some((child) => shows(child, hidden));
}

/** Images from outside are never loaded (no tracking pixels): one with alt text becomes that text, the rest go. */
function dropRemoteImages(root: ParentNode) {
  const remote = (node: AnyNode): node is Element => isTag(node) && node.name === 'img' && !/^cid:/i.test(node.attribs.src ?? '');
  const parents = new Set(DomUtils.getElementsByTagName('img', root.children, true).filter(remote).map((img) => img.parent!));
  for (const parent of parents) {
    parent.children = parent.children.flatMap((node) => {
      if (!remote(node)) return [node];
      const alt = (node.attribs.alt ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
      return alt ? [new Text(`[${alt}]`)] : [];
    });
    relink(parent);
  }
}

/** Takes `from` and everything after it (its following siblings, then each ancestor's) out of the tree, in document order. */
function cutFrom(from: AnyNode, root: ParentNode): AnyNode[] {
  const tails: AnyNode[][] = [];
  for (let at: AnyNode = from; at.parent && at !== root; at = at.parent) {
    const parent: ParentNode = at.parent;
    const start = parent.children.indexOf(at) + (at === from ? 0 : 1);
    tails.push(parent.children.splice(start));
    relink(parent);
    if (parent === root) break;
  }
  return tails.flat();
}

/** The whole blocks under `nodes` (outermost only), with what they are. */
function blocksIn(nodes: AnyNode[]): Array<{ el: Element; kind: FoldKind }> {
  const found: Array<{ el: Element; kind: FoldKind }> = [];
  const walk = (node: AnyNode) => {
    if (!isTag(node)) return;
    const kind = blockFold(node);
    if (kind) found.push({ el: node, kind });
    else node.children.forEach(walk);
  };
  nodes.forEach(walk);
  return found;
}

const isForward = (nodes: AnyNode[]) => /^(-{3,}\s*Forwarded message|Begin forwarded message)/i.test(textOf(nodes));

/**
 * Folds quoted history and signatures away in the DOM under `root`: whole blocks are wrapped in
 * place (neighbours with only line breaks between them share one <details>); a cut point moves
 * itself and everything after it into one <details> at the end. Returns the <details> it made.
 */
function fold(root: ParentNode): Set<Element> {
  // Document order: the first cut point outside a whole block ends the visible part.
  const kindOf = new Map<AnyNode, FoldKind>();
  let cut: { from: AnyNode; kind: FoldKind } | null = null;
  const walk = (node: AnyNode): boolean => {
    const kind = isTag(node) ? blockFold(node) : null;
    if (kind) {
      kindOf.set(node, kind);
      return false; // what is inside a folded block is folded with it
    }
    cut = cutAt(node);
    return cut != null || (isTag(node) && node.children.some(walk));
  };
  root.children.some(walk);

  // An attribution line ("On … Ana wrote:") right before a cited block belongs to it (older Apple Mail).
  for (const [el, kind] of [...kindOf]) {
    const before = kind === 'quote' ? previousMeaningful(el) : null;
    if (before && isTag(before) && !kindOf.has(before) && startsQuotedHistory(textOf(before))) kindOf.set(before, 'quote');
  }

  const made = new Set<Element>();
  const marker = cut as { from: AnyNode; kind: FoldKind } | null;
  if (marker) {
    const rest = cutFrom(marker.from, root);
    // Nothing to see after the cut (an empty #appendonsend at the end): nothing to fold, the empty nodes just go.
    if (rest.some((node) => shows(node, made))) {
      const kinds = new Set<FoldKind>([marker.kind, ...blocksIn(rest).map((b) => b.kind)]);
      if (isForward(rest)) kinds.add('forward');
      const details = detailsOf(kinds, rest);
      root.children.push(details);
      relink(root);
      made.add(details);
    }
    for (const el of [...kindOf.keys()]) if (!contains(root, el)) kindOf.delete(el);
  }

  // Wrap the blocks left in the visible part: each parent's children rebuilt once, neighbouring
  // blocks (only line breaks between them) in one <details>.
  const parents = new Set([...kindOf.keys()].map((el) => el.parent).filter((p): p is ParentNode => p != null));
  for (const parent of parents) {
    const children = parent.children;
    const rebuilt: AnyNode[] = [];
    for (let i = 0; i < children.length; i++) {
      if (!kindOf.has(children[i]!)) {
        rebuilt.push(children[i]!);
        continue;
      }
      let last = i;
      for (let j = i + 1; j < children.length && (kindOf.has(children[j]!) || isFiller(children[j]!)); j++) if (kindOf.has(children[j]!)) last = j;
      const run = children.slice(i, last + 1);
      const kinds = new Set(run.map((n) => kindOf.get(n)).filter((k): k is FoldKind => k != null));
      if (isForward(run)) kinds.add('forward');
      const details = detailsOf(kinds, run);
      rebuilt.push(details);
      made.add(details);
      i = last;
    }
    parent.children = rebuilt;
    relink(parent);
  }
  for (const details of made) trimBefore(details, made);
  return made;
}

/** Blank lines and empty blocks right before a fold (Gmail's `<br clear=all><div><br></div>`) would only push it down. */
function trimBefore(details: Element, made: Set<Element>) {
  const blank = (node: AnyNode) => isFiller(node) || (isTag(node) && !made.has(node) && node.name !== 'hr' && !shows(node, made));
  let at = details.prev;
  while (at && blank(at)) {
    const before: AnyNode | null = at.prev;
    DomUtils.removeElement(at);
    at = before;
  }
  // The block before it may end in blank lines of its own.
  while (at && isTag(at) && !made.has(at)) {
    let last = at.lastChild;
    while (last && blank(last)) {
      const before: AnyNode | null = last.prev;
      DomUtils.removeElement(last);
      last = before;
    }
    at = last;
  }
}

const VOID_OR_IMPLIED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'option', 'optgroup', 'dt', 'dd', 'colgroup', 'caption',
]);

/** A quick scan (no parsing) for markup nested deeper than `limit`: open tags minus closed ones, void and self-closing elements aside. */
function nestedDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (match[3] || VOID_OR_IMPLIED.has(match[2]!.toLowerCase())) continue;
    depth = Math.max(0, depth + (match[1] ? -1 : 1));
    if (depth > limit) return true;
  }
  return false;
}

function rootOf(html: string): ParentNode {
  const document = parseDocument(html);
  // Nothing in the head is content; script and style bodies are never text.
  const dropped = new Set(['head', 'title', 'style', 'script', 'noscript', 'template']);
  const gone = (node: AnyNode) => isTag(node) && dropped.has(node.name);
  const parents = new Set(DomUtils.getElementsByTagName((name) => dropped.has(name), document.children, true).map((el) => el.parent!));
  for (const parent of parents) {
    parent.children = parent.children.filter((node) => !gone(node));
    relink(parent);
  }
  return DomUtils.findOne((el) => el.name === 'body', document.children, true) ?? document;
}

const serialize = (root: ParentNode) => DomUtils.getInnerHTML(root as Element, { decodeEntities: true, encodeEntities: 'utf8' });

/**
 * The display HTML an inbound email's entry stores, or null to show its text instead (no HTML
 * part, nothing left after sanitizing, too big or too deeply nested). One function for new tickets
 * and replies: remote images dropped (their alt text kept), quoted history and signatures of the
 * common clients folded into a collapsed `<details class="quoted">` — unless that would leave
 * nothing visible (a bare forward), then it is shown whole — and finally the timeline's own
 * sanitizer (tickets/bodies/entry-html.ts), which decides what survives. `cid:` images stay `cid:`
 * references; the apps point them at the entry's own files when they render.
 */
export function inboundHtml(html: string | null | undefined): string | null {
  if (!html || !html.trim() || html.length > MAX_SOURCE_HTML_CHARS || nestedDeeperThan(html, MAX_NESTING)) return null;
  const root = rootOf(html);
  dropRemoteImages(root);
  const whole = serialize(root);
  const folded = fold(root);
  const visible = root.children.some((node) => shows(node, folded));
  const safe = sanitizeEntryHtml(folded.size && visible ? serialize(root) : whole);
  if (!safe || safe.length > MAX_STORED_HTML_CHARS) return null;
  return safe;
}
