/**
 * The opaque cursor of a timeline page: base64url of "<created_at ISO>|<entry id>" of the oldest
 * entry the client has. Clients only pass it back; its shape may change without notice.
 */
export interface TimelinePosition {
  createdAt: Date;
  id: number;
}

export function encodeTimelineCursor(position: TimelinePosition): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

/** The position in a cursor, or null when it is not one this API handed out. */
export function decodeTimelineCursor(cursor: string): TimelinePosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const [iso, rawId, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !iso || !rawId || !/^\d{1,19}$/.test(rawId)) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso)) return null;
  const createdAt = new Date(iso);
  const id = Number(rawId);
  if (Number.isNaN(createdAt.getTime()) || !Number.isSafeInteger(id) || id < 1) return null;
  return { createdAt, id };
}
