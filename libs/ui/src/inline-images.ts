import type { Attachment } from '@switchboard/contracts';

/**
 * Shows an email's inline images in place: each `cid:<id>` image source in the (server-sanitized)
 * HTML becomes the URL of the entry's own file with that Content-ID, fetched through the app's
 * attachment route, which checks the viewer's access again. A reference to no file of this entry
 * (or one the viewer may not see, so not in the list) loses its source and shows nothing.
 */
export function inlineCidImages(html: string, attachments: readonly Attachment[] | undefined, attachmentUrl: (id: number) => string): string {
  if (!/cid:/i.test(html)) return html;
  const byContentId = new Map((attachments ?? []).filter((a) => a.contentId).map((a) => [a.contentId!.toLowerCase(), a.id]));
  return html.replace(/(<img\b[^>]*?\bsrc=)(["'])cid:([^"']*)\2/gi, (_all, start: string, quote: string, cid: string) => {
    const id = byContentId.get(decodeURIComponent(cid).toLowerCase());
    return id == null ? `${start}${quote}${quote}` : `${start}${quote}${attachmentUrl(id)}${quote} data-inline-attachment-id=${quote}${id}${quote}`;
  });
}

/** The files an entry's HTML already shows in place; the file list under the entry leaves them out. */
export function inlinedIds(html: string | undefined, attachments: readonly Attachment[] | undefined): Set<number> {
  const ids = new Set<number>();
  if (!html) return ids;
  for (const a of attachments ?? []) if (a.contentId && html.toLowerCase().includes(`cid:${a.contentId.toLowerCase()}`)) ids.add(a.id);
  return ids;
}
