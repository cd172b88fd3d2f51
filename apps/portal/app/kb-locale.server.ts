import { createCookie } from '@remix-run/node';
import type { PortalApi } from './api.server';
import { config } from './config.server';

/** The reader's chosen help-center language, remembered whether or not they sign in. */
const localeCookie = createCookie('sb_kb_locale', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: config.cookieSecure,
  maxAge: 60 * 60 * 24 * 365,
});

/** Accept-Language as language tags, most wanted first ("de-AT,de;q=0.9,en;q=0.5" -> de-AT, de, en). */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((l) => l.tag && l.tag !== '*' && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/**
 * The first wanted language the help center is written in: an exact match ("pt-BR"), else the same
 * language ("de-AT" -> "de", "pt" -> "pt-BR"), else the default.
 */
export function negotiateLocale(wanted: string[], available: string[], fallback: string): string {
  const canonical = new Map(available.map((l) => [l.toLowerCase(), l]));
  for (const tag of wanted) {
    const exact = canonical.get(tag.toLowerCase());
    if (exact) return exact;
    const base = tag.toLowerCase().split('-')[0];
    const same = available.find((l) => l.toLowerCase() === base) ?? available.find((l) => l.toLowerCase().split('-')[0] === base);
    if (same) return same;
  }
  return fallback;
}

/** "de" -> "Deutsch": each language named in itself. */
export function languageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : locale;
  } catch {
    return locale;
  }
}

export interface ReaderLocale {
  locale: string;
  defaultLocale: string;
  /** Every language the help center is written in, with its own name, for the switcher. */
  languages: { locale: string; name: string }[];
  /** A Set-Cookie header when the reader just picked a language (?lang=). */
  setCookie: string | null;
}

/** The reader's language: ?lang= (remembered in a cookie), else the cookie, else Accept-Language, else the default. */
export async function readerLocale(request: Request, api: PortalApi): Promise<ReaderLocale> {
  const { default: defaultLocale, locales } = await api.kb.locales.query();
  const languages = locales.map((locale) => ({ locale, name: languageName(locale) }));
  const picked = new URL(request.url).searchParams.get('lang');
  if (picked && locales.includes(picked)) {
    return { locale: picked, defaultLocale, languages, setCookie: await localeCookie.serialize(picked) };
  }
  const remembered = (await localeCookie.parse(request.headers.get('Cookie'))) as unknown;
  if (typeof remembered === 'string' && locales.includes(remembered)) return { locale: remembered, defaultLocale, languages, setCookie: null };
  const locale = negotiateLocale(acceptedLanguages(request.headers.get('Accept-Language')), locales, defaultLocale);
  return { locale, defaultLocale, languages, setCookie: null };
}
