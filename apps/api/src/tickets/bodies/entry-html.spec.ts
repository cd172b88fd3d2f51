import { toStoredBody, entryHtml } from './entry-body.js';
import { htmlToText, sanitizeEntryHtml, textToHtml } from './entry-html.js';

describe('sanitizeEntryHtml', () => {
  it.each([
    ['<p>hi<script>alert(1)</script></p>', '<p>hi</p>'],
    ['<img src="https://evil.test/x.png" onerror="alert(1)">', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<a href="data:text/html,hi">x</a>', '<a rel="noopener noreferrer nofollow" target="_blank">x</a>'],
    ['<iframe src="https://evil.test"></iframe>ok', 'ok'],
    ['<p style="color:red" onclick="x()">t</p>', '<p>t</p>'],
    ['<style>p{}</style><p>t</p>', '<p>t</p>'],
    ['<svg><script>alert(1)</script></svg>t', 't'],
    ['<span class="sb-mention evil">@ana</span>', '<span class="sb-mention">@ana</span>'],
    // Images only as cid: references to a file of the entry (an email's inline image); nothing from outside.
    ['<p><img src="cid:shot1@client" alt="shot" onerror="x()" style="a"></p>', '<p><img src="cid:shot1@client" alt="shot" /></p>'],
    ['<img src="data:image/png;base64,AAAA">', ''],
    ['<img src="//evil.test/x.png">', ''],
    ['<img>', ''],
    // An email's folded quote: collapsed (no open), only our class; tables keep spans and nothing else.
    ['<details open class="quoted evil" onclick="x()"><summary style="a">Quoted text</summary>old</details>', '<details class="quoted"><summary>Quoted text</summary>old</details>'],
    ['<table border="1" style="a"><tr><td colspan="2" width="9">a</td></tr></table>', '<table><tr><td colspan="2">a</td></tr></table>'],
  ])('%s -> %s', (input, expected) => {
    expect(sanitizeEntryHtml(input)).toBe(expected);
  });

  it('keeps basic formatting and safe links, adding rel=noopener nofollow', () => {
    const out = sanitizeEntryHtml('<p><strong>b</strong> <em>i</em> <a href="https://x.test/a?b=1" rel="opener">l</a> <a href="mailto:a@x.test">m</a></p><ul><li>one</li></ul>');
    expect(out).toBe(
      '<p><strong>b</strong> <em>i</em> <a href="https://x.test/a?b=1" rel="noopener noreferrer nofollow" target="_blank">l</a> ' +
        '<a href="mailto:a@x.test" rel="noopener noreferrer nofollow" target="_blank">m</a></p><ul><li>one</li></ul>',
    );
  });

  it('is idempotent, so sanitizing again on the way out changes nothing', () => {
    const once = sanitizeEntryHtml('<p>a <a href="https://x.test">b</a><br>c</p>');
    expect(sanitizeEntryHtml(once)).toBe(once);
  });
});

describe('plain text and HTML', () => {
  it('escapes plain text into paragraphs and line breaks', () => {
    expect(textToHtml('Hi <b>there</b> & you\nline two\n\nnext "para"')).toBe(
      '<p>Hi &lt;b&gt;there&lt;/b&gt; &amp; you<br />line two</p><p>next &quot;para&quot;</p>',
    );
  });

  it('derives plain text from HTML with blocks as line breaks and entities decoded', () => {
    expect(htmlToText('<p>a &amp; b &lt;c&gt;</p><p>x<br>y</p><ul><li>one</li><li>two</li></ul>')).toBe('a & b <c>\n\nx\ny\n\n- one\n- two');
  });

  it('stores sanitized HTML and its text when HTML is given, escaped text otherwise', () => {
    expect(toStoredBody({ bodyHtml: '<p>Hi<script>x()</script> <b>you</b></p>', body: 'ignored' })).toEqual({
      body: 'Hi you',
      bodyHtml: '<p>Hi <b>you</b></p>',
    });
    expect(toStoredBody({ body: ' <script>x()</script> ' })).toEqual({
      body: '<script>x()</script>',
      bodyHtml: '<p>&lt;script&gt;x()&lt;/script&gt;</p>',
    });
  });

  it('keeps a channel’s own plain text beside its HTML when asked (email), deriving it only when there is none', () => {
    const html = '<p>Works now.</p><details class="quoted"><summary>Quoted text</summary>old</details>';
    expect(toStoredBody({ body: 'Works now.', bodyHtml: html }, { textBesideHtml: true })).toEqual({ body: 'Works now.', bodyHtml: html });
    expect(toStoredBody({ body: ' ', bodyHtml: html }, { textBesideHtml: true }).body).toBe('Works now.\n\nQuoted text\n\nold');
    expect(toStoredBody({ body: 'Works now.', bodyHtml: html }).body).toBe('Works now.\n\nQuoted text\n\nold');
  });

  it('shows rows from before HTML bodies (body_html NULL) as escaped text', () => {
    expect(entryHtml({ body: 'old <i>row</i>', bodyHtml: null })).toBe('<p>old &lt;i&gt;row&lt;/i&gt;</p>');
    expect(entryHtml({ body: 'x', bodyHtml: '<p onclick="x()">x</p>' })).toBe('<p>x</p>');
  });
});
