import { Form } from '@remix-run/react';

/** Picks the help center's language: a plain GET form (?lang=), so it works without JavaScript. */
export function KbLanguageSwitcher({
  locale,
  languages,
  keep = {},
}: {
  locale: string;
  languages: { locale: string; name: string }[];
  /** Other query parameters to keep (the search). */
  keep?: Record<string, string>;
}) {
  if (languages.length < 2) return null;
  return (
    <Form method="get" className="kb-language" data-testid="kb-language">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="kb-lang">Language</label>{' '}
      <select id="kb-lang" name="lang" defaultValue={locale}>
        {languages.map((l) => (
          <option key={l.locale} value={l.locale} lang={l.locale}>
            {l.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button button--secondary">
        Change
      </button>
    </Form>
  );
}
