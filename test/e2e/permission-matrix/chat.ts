import { staffOnly, managers, adminOnly, noChat, NO_CHAT, type Rows } from './rows.js';

/** Live chat: staff only (visitors use the widget API, not tRPC). */
export const chatRows: Rows = {
  // Chats: staff only (visitors use the widget API, not tRPC); a chat that does not exist is 404 for staff.
  'chat.list': { probe: (f) => f.client.chat.list.query({ state: 'open' }), expect: staffOnly },
  'chat.get': { probe: (f) => f.client.chat.get.query({ chatId: NO_CHAT }), expect: noChat },
  'chat.accept': { probe: (f) => f.client.chat.accept.mutate({ chatId: NO_CHAT }), expect: noChat },
  'chat.transfer': { probe: (f) => f.client.chat.transfer.mutate({ chatId: NO_CHAT, agentId: f.staffId }), expect: noChat },
  'chat.reply': { probe: (f) => f.client.chat.reply.mutate({ chatId: NO_CHAT, body: 'hi' }), expect: noChat },
  'chat.end': { probe: (f) => f.client.chat.end.mutate({ chatId: NO_CHAT }), expect: noChat },
  'chat.cannedReplies': { probe: (f) => f.client.chat.cannedReplies.query(), expect: staffOnly },
  'chat.saveCannedReply': { probe: (f) => f.client.chat.saveCannedReply.mutate({ title: f.unique('Canned'), body: 'Hello!' }), expect: managers },
  'chat.settings': { probe: (f) => f.client.chat.settings.query({ companyId: f.companyId }), expect: adminOnly },
  'chat.saveSettings': { probe: (f) => f.client.chat.saveSettings.mutate({ companyId: f.companyId, enabled: false }), expect: adminOnly },
};
