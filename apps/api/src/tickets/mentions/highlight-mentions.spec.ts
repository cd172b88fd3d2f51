import { highlightMentions } from './highlight-mentions.js';

describe('highlightMentions', () => {
  it('marks resolved tokens only, outside links and code', () => {
    const html = '<p>@Ana and @nobody, see <a href="https://x.test">@ana</a> <code>@ana</code>.</p>';
    expect(highlightMentions(html, new Set(['ana']))).toBe(
      '<p><span class="sb-mention">@Ana</span> and @nobody, see <a href="https://x.test" rel="noopener noreferrer nofollow" target="_blank">@ana</a> <code>@ana</code>.</p>',
    );
  });

  it('keeps the text escaped', () => {
    expect(highlightMentions('<p>&lt;b&gt; @ana.</p>', new Set(['ana']))).toBe('<p>&lt;b&gt; <span class="sb-mention">@ana</span>.</p>');
  });
});
