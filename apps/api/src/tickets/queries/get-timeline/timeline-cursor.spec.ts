import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor.js';

describe('timeline cursor', () => {
  const position = { createdAt: new Date('2026-03-04T09:05:06.789Z'), id: 4711 };

  it('round-trips a position through an opaque, URL-safe string', () => {
    const cursor = encodeTimelineCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('4711');
    expect(decodeTimelineCursor(cursor)).toEqual(position);
  });

  it('keeps millisecond precision, which orders entries written in the same second', () => {
    const a = decodeTimelineCursor(encodeTimelineCursor({ createdAt: new Date('2026-03-04T09:05:06.001Z'), id: 1 }))!;
    expect(a.createdAt.getTime() % 1000).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['no separator', Buffer.from('2026-03-04T09:05:06.789Z').toString('base64url')],
    ['bad date', Buffer.from('2026-13-44T09:05:06.789Z|1').toString('base64url')],
    ['not ISO', Buffer.from('yesterday|1').toString('base64url')],
    ['id zero', Buffer.from('2026-03-04T09:05:06.789Z|0').toString('base64url')],
    ['id not a number', Buffer.from('2026-03-04T09:05:06.789Z|1 OR 1=1').toString('base64url')],
    ['extra parts', Buffer.from('2026-03-04T09:05:06.789Z|1|2').toString('base64url')],
  ])('rejects a cursor that is %s', (_what, cursor) => {
    expect(decodeTimelineCursor(cursor)).toBeNull();
  });
});
