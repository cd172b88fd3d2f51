import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_NESTING, MAX_SOURCE_HTML_CHARS, MAX_STORED_HTML_CHARS, inboundHtml } from './inbound-html.js';

const FIXTURES = join(import.meta.dirname, '../../../../../../test/fixtures/email/html');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const DETAILS = /<details class="quoted"><summary>([^<]*)<\/summary>([\s\S]*?)<\/details>/g;
/** The stored HTML split into what is shown and what each collapsed <details> holds. */
function parts(html: string | null) {
  expect(html).not.toBeNull();
  const folds = [...html!.matchAll(DETAILS)].map((m) => ({ summary: m[1]!, html: m[2]! }));
  return { visible: html!.replace(DETAILS, ''), folds, html: html! };
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** Nothing that could run, load from outside, or submit, whatever the client. */
function assertSafe(html: string) {
  expect(html).not.toMatch(/<(script|style|iframe|form|input|svg|object|head|title)\b/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/<img\b(?![^>]*src="cid:)[^>]*>/i);
  expect(html).not.toMatch(/\s(style|id|class(?!="(quoted|sb-mention)"))=/i);
}

describe('inboundHtml: folding each client’s quoted history and signature', () => {
  it.each([
    // [fixture, visible text, summaries of the folded parts (in order), text that must be folded]
    ['gmail-reply.html', ['Thanks, restarting the sync agent fixed it.', 'The invoices show up again.'], ['Signature', 'Quoted text'], ['Gina Gmail', 'On Sun, Nov 22, 2026', 'please restart the sync agent']],
    ['gmail-forward.html', ['Could you look at this? It came in overnight.'], ['Forwarded message'], ['Forwarded message', 'Service X is down since 03:10 UTC.']],
    ['apple-mail-reply.html', ['Yes, the export works on my Mac now.', 'Only the PDF preview is still blank.'], ['Signature and quoted text'], ['Adam Apple', 'wrote:', 'Please try the export again']],
    ['thunderbird-reply.html', ['The printer on floor 3 still jams after the firmware update.', 'Tobias'], ['Signature and quoted text'], ['Tobias Bird', 'On 22/11/2026 10:00, Acme Support wrote:', 'install firmware 2.3']],
    ['outlook-desktop-reply.html', ['Hi Ana,', 'The numbers look fine now, thank you.', 'Olga'], ['Quoted text'], ['From:', 'RE: Quarterly report [#1042]', 'could you check the numbers']],
    ['outlook-2010-reply.html', ['Der Zugang klappt wieder, danke!'], ['Quoted text'], ['Von:', 'Bitte setzen Sie Ihr Passwort zurück.']],
    ['outlook-web-reply.html', ['The VPN drops every 20 minutes since this morning.'], ['Signature', 'Quoted text'], ['Wendy Web | IT, Client Corp', 'From:', 'Does the VPN still drop?']],
    ['yahoo-reply.html', ['Got the refund, thanks a lot!'], ['Quoted text'], ['On Sunday, November 22, 2026', 'We have refunded the duplicate charge.']],
    ['plain-signature.html', ['New question about billing: why was I charged twice?'], ['Signature'], ['Sam Signature', 'Example Corp, +1 555 0100']],
  ])('%s', (file, visible, summaries, folded) => {
    const out = parts(inboundHtml(fixture(file)));
    for (const words of visible) expect(text(out.visible)).toContain(words);
    expect(out.folds.map((f) => f.summary)).toEqual(summaries);
    const hidden = text(out.folds.map((f) => f.html).join(' '));
    for (const words of folded) {
      expect(hidden).toContain(words);
      expect(text(out.visible)).not.toContain(words);
    }
    assertSafe(out.html);
  });

  it('keeps the rule Outlook draws before its header block, and its #appendonsend, in the folded part', () => {
    const out = parts(inboundHtml(fixture('outlook-web-reply.html')));
    expect(out.visible).not.toContain('<hr');
    expect(out.folds[1]!.html).toContain('<hr />');
  });

  it('leaves no blank lines between the visible part and a fold', () => {
    expect(inboundHtml(fixture('gmail-reply.html'))).toContain('<div>The invoices show up again.</div><details class="quoted"><summary>Signature</summary><span>-- </span>');
    expect(inboundHtml(fixture('outlook-desktop-reply.html'))).toContain('<p>Olga</p></div><details class="quoted">');
  });

  it('shows a bare forward (nothing written above the quote) whole, unfolded', () => {
    const out = parts(inboundHtml(fixture('gmail-forward-only.html')));
    expect(out.folds).toEqual([]);
    expect(text(out.visible)).toContain('Forwarded message');
    expect(text(out.visible)).toContain('Disk /var is 97% full on db-2.');
  });

  it('folds a "-- " signature written as text and everything after it, not a dash inside a sentence', () => {
    const out = parts(inboundHtml('<div>New question about billing.</div><div>-- <br>Sam, Example Corp</div><blockquote>old text</blockquote>'));
    expect(text(out.visible)).toBe('New question about billing.');
    expect(text(out.folds[0]!.html)).toBe('-- Sam, Example Corp old text');
    expect(inboundHtml('<p>Costs went up -- again.</p><p>-- not a delimiter either</p>')).toBe('<p>Costs went up -- again.</p><p>-- not a delimiter either</p>');
  });

  it('folds from an "-----Original Message-----" line (older Outlook, many webmailers) on', () => {
    const out = parts(inboundHtml('<p>See below.</p><div>-----Original Message-----<br>From: Ana<br>Subject: x</div><p>Old question?</p>'));
    expect(text(out.visible)).toBe('See below.');
    expect(out.folds.map((f) => f.summary)).toEqual(['Quoted text']);
    expect(text(out.folds[0]!.html)).toBe('-----Original Message----- From: Ana Subject: x Old question?');
  });

  it('takes an attribution line just before a cited block into the fold (older Apple Mail)', () => {
    const out = parts(inboundHtml('<div>Works now.</div><div>On 22 Nov 2026, at 10:00, Ana &lt;a@acme.test&gt; wrote:</div><br><blockquote type="cite">Try again?</blockquote>'));
    expect(text(out.visible)).toBe('Works now.');
    expect(text(out.folds[0]!.html)).toBe('On 22 Nov 2026, at 10:00, Ana &lt;a@acme.test&gt; wrote: Try again?');
  });
});

describe('inboundHtml: what never survives', () => {
  it('drops script, style, forms, frames, handlers and every image from outside (alt text kept, pixels gone)', () => {
    const html = inboundHtml(fixture('hostile.html'))!;
    assertSafe(html);
    expect(html).not.toContain('tracker.example.test');
    expect(html).not.toContain('cdn.example.test');
    expect(html).not.toContain('steal');
    expect(html).not.toContain('display:none');
    expect(html).toContain('<p>Please reset my <b>password</b>.</p>');
    expect(html).toContain('[Spring sale banner]');
    expect(html).toContain('<a href="https://example.test/help" rel="noopener noreferrer nofollow" target="_blank">help page</a>');
  });

  it('keeps cid: images for the apps to point at the entry’s own file, also inside a folded quote', () => {
    const out = parts(inboundHtml('<p>See <img src="cid:shot1@client" alt="shot"></p><blockquote type="cite"><img src="cid:old@client"></blockquote>'));
    expect(out.visible).toBe('<p>See <img src="cid:shot1@client" alt="shot" /></p>');
    expect(out.folds[0]!.html).toBe('<blockquote><img src="cid:old@client" /></blockquote>');
  });

  it('returns null (the entry keeps its text) for no HTML, nothing left after sanitizing, or too much HTML', () => {
    expect(inboundHtml(null)).toBeNull();
    expect(inboundHtml('  ')).toBeNull();
    expect(inboundHtml('<img src="https://tracker.example.test/p.gif"><script>x()</script>')).toBeNull();
    const newsletter = `<table>${'<tr><td>Big spring sale on everything in the shop</td></tr>'.repeat(MAX_STORED_HTML_CHARS / 40)}</table>`;
    expect(newsletter.length).toBeLessThan(MAX_SOURCE_HTML_CHARS);
    expect(inboundHtml(newsletter)).toBeNull();
    expect(inboundHtml(`<p>hi</p>${' '.repeat(MAX_SOURCE_HTML_CHARS)}`)).toBeNull();
  });

  it('refuses markup nested deeper than real mail, quickly, and keeps deep-but-real threads', () => {
    const started = Date.now();
    expect(inboundHtml(`${'<div>'.repeat(150_000)}hi`)).toBeNull();
    expect(inboundHtml(`${'<div>'.repeat(MAX_NESTING + 1)}hi${'</div>'.repeat(MAX_NESTING + 1)}`)).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
    // Void elements, self-closing tags and implied ends do not count as nesting.
    const thread = `${'<div><blockquote type="cite"><p>old<br><img src="cid:x"/>'.repeat(100)}${'</blockquote></div>'.repeat(100)}`;
    expect(inboundHtml(`<p>new</p>${thread}`)).toMatch(/^<p>new<\/p><div><details class="quoted"><summary>Quoted text<\/summary><blockquote><p>old/);
  });

  it('folds nothing for an empty Outlook marker at the very end', () => {
    expect(inboundHtml('<div>Just this.</div><div id="appendonsend"></div>')).toBe('<div>Just this.</div><div></div>');
  });

  it('keeps a newsletter-sized table layout readable and a client’s own <details> closed', () => {
    expect(inboundHtml('<table width="600" style="x"><tr><td colspan="2" bgcolor="#fff">a</td></tr></table>')).toBe('<table><tr><td colspan="2">a</td></tr></table>');
    expect(inboundHtml('<details open class="quoted x"><summary>s</summary>t</details><p>after</p>')).toBe('<details class="quoted"><summary>s</summary>t</details><p>after</p>');
  });
});
