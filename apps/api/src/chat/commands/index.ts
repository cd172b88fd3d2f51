import { AcceptChatHandler } from './accept-chat/accept-chat.handler.js';
import { EndChatHandler } from './end-chat/end-chat.handler.js';
import { ReplyInChatHandler } from './reply-in-chat/reply-in-chat.handler.js';
import { SaveCannedReplyHandler } from './save-canned-reply/save-canned-reply.handler.js';
import { SaveChatSettingsHandler } from './save-chat-settings/save-chat-settings.handler.js';
import { TransferChatHandler } from './transfer-chat/transfer-chat.handler.js';

export const ChatCommandHandlers = [AcceptChatHandler, TransferChatHandler, ReplyInChatHandler, EndChatHandler, SaveCannedReplyHandler, SaveChatSettingsHandler];
