import { DomainError } from '../../../common/domain-error.js';

/** An opaque keyset cursor: the sort value and id of the last row of a page. */
export function encodeCursor(value: string | number, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string | number; id: number } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof value === 'string' || typeof value === 'number') && Number.isInteger(id)) return { value, id: id as number };
  } catch {
    /* fall through */
  }
  throw new DomainError('bad_request', 'TICKET_INVALID_CURSOR', 'cursor: is not a cursor this API gave out', 'cursor');
}
