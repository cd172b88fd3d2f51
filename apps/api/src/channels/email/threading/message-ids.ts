/** A Message-ID in its canonical stored form: angle brackets stripped, trimmed, lower case. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /<([^<>\s]+)>/.exec(value);
  const id = (match ? match[1]! : value).trim().toLowerCase();
  return id && id.length <= 255 ? id : null;
}

/** Every Message-ID in a References / In-Reply-To header value (or several), in order, without duplicates. */
export function messageIdList(values: ReadonlyArray<string | null | undefined>): string[] {
  const ids: string[] = [];
  for (const value of values) {
    if (!value) continue;
    const found = value.match(/<[^<>\s]+>/g) ?? value.split(/[\s,]+/);
    for (const raw of found) {
      const id = normalizeMessageId(raw);
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}
