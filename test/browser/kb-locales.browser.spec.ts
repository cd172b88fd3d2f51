import { kbAuthor, uniqueWord } from '../support/kb.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** The help center in the reader's language: Accept-Language, a switcher, the default as fallback, hreflang. */
const { api, portal, browser } = useBrowserStack({ portal: true });

it('serves the reader’s language from Accept-Language, lets them switch, falls back to the default, and links translations with hreflang', async () => {
  const { category, publish } = await kbAuthor(api.url);
  const w = uniqueWord();
  const en = await publish({ categoryId: category.id, title: `Reset the ${w} router`, bodyMd: `Hold the ${w} button.` });
  const de = await publish({ categoryId: category.id, title: `${w} Router zurücksetzen`, bodyMd: `Die ${w} Taste halten.`, locale: 'de', translationOf: en.id });
  const onlyEn = await publish({ categoryId: category.id, title: `${w} firmware notes`, bodyMd: 'Only in English.' });

  // A German browser gets the German article for the same search, and not the English one.
  const german = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await german.goto(`${portal.url}/kb?q=${w}+router`);
  let results = await german.textContent('[data-testid="kb-results"]');
  expect(results).toContain(de.title);
  expect(results).not.toContain(en.title);
  expect(await german.inputValue('#kb-lang')).toBe('de');

  // Nothing in German: the default language's articles, and the page says so.
  await german.goto(`${portal.url}/kb?q=${w}+firmware`);
  expect(await german.textContent('[data-testid="kb-fallback"]')).toContain('English');
  expect(await german.textContent('[data-testid="kb-results"]')).toContain(onlyEn.title);

  // The English page points the German reader at the German version; hreflang names both.
  await german.goto(`${portal.url}/kb/articles/${en.slug}`);
  expect(await german.getAttribute('[data-testid="kb-in-your-language"] a', 'href')).toBe(`/kb/articles/${de.slug}?lang=de`);
  const alternates = await german.$$eval('link[rel="alternate"][hreflang]', (links) => links.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
  expect(alternates).toEqual(
    expect.arrayContaining([
      ['en', `${portal.url}/kb/articles/${en.slug}`],
      ['de', `${portal.url}/kb/articles/${de.slug}`],
    ]),
  );
  expect(await german.textContent('[data-testid="kb-translations"]')).toContain(de.title);

  // The switcher (a plain GET form) picks English, and the choice is remembered.
  await german.goto(`${portal.url}/kb?q=${w}+router`);
  await german.selectOption('#kb-lang', 'en');
  await Promise.all([german.waitForURL(/lang=en/), german.click('[data-testid="kb-language"] button')]);
  // The URL can change a moment before the new results are on the page.
  await german.waitForSelector(`[data-testid="kb-results"] a:has-text("${en.title}")`);
  await german.goto(`${portal.url}/kb?q=${w}+router`);
  results = await german.textContent('[data-testid="kb-results"]');
  expect(results).toContain(en.title);
  expect(results).not.toContain(de.title);

  // A language the help center is not written in falls back to the default (English).
  const japanese = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await japanese.goto(`${portal.url}/kb?q=${w}+router`);
  expect(await japanese.textContent('[data-testid="kb-results"]')).toContain(en.title);
  expect(await japanese.$('[data-testid="kb-fallback"]')).toBeNull();
});
