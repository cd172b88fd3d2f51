const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** `es` -> `Spanish`; an unknown code is shown as it is. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
