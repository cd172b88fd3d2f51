/**
 * What may be uploaded: MIME types or `type/*` patterns, matched against the type sniffed from the
 * bytes (content-sniff.ts), never against what the client claims.
 */
export const DEFAULT_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'text/markdown',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  // Voicemail recordings and voice notes (channels/twilio/).
  'audio/mpeg',
  'audio/wav',
  'audio/ogg',
] as const;

const PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/(\*|[a-z0-9][a-z0-9!#$&^_.+-]*)$/;

/** "image/*, application/pdf" -> ['image/*', 'application/pdf']; null when any item is not a MIME type or pattern. */
export function parseTypePatterns(value: string): string[] | null {
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (items.length === 0 || !items.every((i) => PATTERN.test(i))) return null;
  return items;
}

export function typeAllowed(contentType: string, patterns: readonly string[]): boolean {
  const type = contentType.toLowerCase();
  return patterns.some((p) => (p.endsWith('/*') ? type.startsWith(p.slice(0, -1)) : type === p));
}

/** 10485760 -> "10 MB"; 1536 -> "1.5 KB": for error messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
