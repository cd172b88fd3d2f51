import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RealtimeCoreModule } from '../realtime/realtime-core.module.js';
import { UsersModule } from '../users/users.module.js';
import { ChatAccess } from './chat-access.js';
import { ChatCommandHandlers } from './commands/index.js';
import { ChatQueryHandlers } from './queries/index.js';
import { ChatEnding } from './chat-ending.js';
import { ChatLive } from './chat-live.js';
import { ChatListPublisher } from './chat-list.publisher.js';
import { ChatSessionModel } from './chat-session.model.js';
import { ChatRouter } from './chat.router.js';
import { ChatVisitorController } from './visitor/chat-visitor.controller.js';
import { ChatVisitorService } from './visitor/chat-visitor.service.js';
import { ChatStartLimiter } from './visitor/chat-start-limiter.js';
import { ChatSessionRepository } from './chat-session.repository.js';
import { ChatSummaryRepository } from './chat-summary.repository.js';
import { ChatCompanyRepository } from './chat-company.repository.js';
import { ChatVisitorRepository } from './chat-visitor.repository.js';
import { ChatMessageIdRepository } from './chat-message-id.repository.js';
import { ChatCannedReplyRepository } from './chat-canned-reply.repository.js';
import { ChatDestinationRepository } from './chat-destination.repository.js';

/**
 * Live chat: the widget and its visitor API, and the agents' procedures. A chat is a `chat` ticket:
 * this module calls the tickets module's commands and realtime's publishing API, nothing else of theirs.
 */
@Module({
  imports: [CqrsModule, SequelizeModule.forFeature([ChatSessionModel]), AuditModule, OutboxModule, RealtimeCoreModule, UsersModule],
  controllers: [ChatVisitorController],
  providers: [ChatSessionRepository, ChatSummaryRepository, ChatCompanyRepository, ChatVisitorRepository, ChatMessageIdRepository, ChatCannedReplyRepository, ChatDestinationRepository, ChatLive, ChatListPublisher, ChatEnding, ChatAccess, ChatVisitorService, ChatStartLimiter, ChatRouter, ...ChatCommandHandlers, ...ChatQueryHandlers],
  exports: [ChatRouter],
})
export class ChatModule {}
