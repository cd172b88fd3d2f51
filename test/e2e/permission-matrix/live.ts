import { row, staffOnly, everyone, readTarget, all, sse, type Rows } from './rows.js';

/** In-app notifications and live updates (subscriptions are probed over SSE, like the apps do). */
export const liveRows: Rows = {
  // In-app notifications and live updates (subscriptions are probed over SSE, like the apps do).
  'inbox.list': { probe: (f) => f.client.inbox.list.query({}), expect: everyone },
  'inbox.markRead': { probe: (f) => f.client.inbox.markRead.mutate({ all: true }), expect: everyone },
  'inbox.preferences': { probe: (f) => f.client.inbox.preferences.query(), expect: everyone },
  'inbox.updatePreferences': {
    probe: async (f) => f.client.inbox.updatePreferences.mutate(await f.client.inbox.preferences.query()),
    expect: everyone,
  },
  'live.ticket': { probe: (f) => sse(f, 'live.ticket', { ticketId: f.target }), expect: readTarget },
  'live.queue': { probe: (f) => sse(f, 'live.queue', {}), expect: everyone },
  'live.notifications': { probe: (f) => sse(f, 'live.notifications', {}), expect: everyone },
  'live.presence': { probe: (f) => sse(f, 'live.presence', { ticketId: f.target }), expect: readTarget },
  'live.heartbeat': { probe: (f) => f.client.live.heartbeat.mutate({ ticketId: f.target, state: 'viewing' }), expect: staffOnly },
  // Read receipts: anyone who may read the ticket marks what they have seen (an entry not on it: 400); only staff list them.
  'live.seen': {
    probe: (f) => f.client.live.seen.mutate({ ticketId: f.target, entryId: 2_000_000_000 }),
    expect: row('bad_request', { customer: 'not_found', coOwn: 'not_found' }),
  },
  'live.receipts': { probe: (f) => f.client.live.receipts.query({ ticketId: f.target }), expect: staffOnly },
  // The agent's live chat list: staff only, like chat.list.
  'live.chats': { probe: (f) => sse(f, 'live.chats', {}), expect: staffOnly },
};
