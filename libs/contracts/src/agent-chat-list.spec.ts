import { agentChatList, type ChatSummary } from './chat.schema.js';

const chat = (id: number, over: Partial<ChatSummary>): ChatSummary => ({
  id,
  ticketId: id + 100,
  subject: '',
  companyId: 1,
  visitorName: `Visitor ${id}`,
  visitorEmail: null,
  identified: false,
  state: 'waiting',
  endReason: null,
  assignee: null,
  agent: null,
  place: null,
  transferred: false,
  pageUrl: null,
  lastVisitorAt: 'now',
  createdAt: 'now',
  ...over,
});

describe('agentChatList', () => {
  const me = 5;
  const open = [
    chat(1, { place: 1 }),
    chat(2, { assignee: { id: me, name: 'Me' } }),
    chat(3, { assignee: { id: me, name: 'Me' }, transferred: true }),
    chat(4, { state: 'active', agent: { id: me, name: 'Me' }, assignee: { id: me, name: 'Me' } }),
    chat(5, { assignee: { id: 9, name: 'Other' } }),
    chat(6, { state: 'active', agent: { id: 9, name: 'Other' }, assignee: { id: 9, name: 'Other' } }),
  ];

  it('sorts the open chats into queue, offered, transferred and mine; colleagues’ chats are in none', () => {
    const list = agentChatList(open, me, 6);
    expect({ ...list, queue: list.queue.map((c) => c.id), offered: list.offered.map((c) => c.id), transferred: list.transferred.map((c) => c.id), mine: list.mine.map((c) => c.id) }).toEqual({
      queue: [1],
      offered: [2],
      transferred: [3],
      mine: [4],
      changedChatId: 6,
    });
  });

  it('gives the colleague their own view of the same chats', () => {
    const list = agentChatList(open, 9);
    expect([list.queue, list.offered, list.transferred, list.mine].map((l) => l.map((c) => c.id))).toEqual([[1], [5], [], [6]]);
    expect(list.changedChatId).toBeNull();
  });
});
