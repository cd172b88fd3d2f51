import { messageIdList, normalizeMessageId } from './message-ids.js';

describe('message ids', () => {
  it('normalizes brackets and case', () => {
    expect(normalizeMessageId(' <ABC.123@Mail.Example> ')).toBe('abc.123@mail.example');
    expect(normalizeMessageId('')).toBeNull();
  });

  it('lists every id of References / In-Reply-To once, in order', () => {
    expect(messageIdList(['<a@x> <b@x>\r\n <c@x>', '<b@x>', null])).toEqual(['a@x', 'b@x', 'c@x']);
    expect(messageIdList(['a@x'])).toEqual(['a@x']);
  });
});
