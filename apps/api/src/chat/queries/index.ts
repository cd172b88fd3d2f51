import { GetChatSettingsHandler } from './get-chat-settings/get-chat-settings.handler.js';
import { GetChatHandler } from './get-chat/get-chat.handler.js';
import { ListCannedRepliesHandler } from './list-canned-replies/list-canned-replies.handler.js';
import { ListChatsHandler } from './list-chats/list-chats.handler.js';

export const ChatQueryHandlers = [ListChatsHandler, GetChatHandler, ListCannedRepliesHandler, GetChatSettingsHandler];
