import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { NoteMentions } from './mentions/note-mentions.service.js';
import { TimelineRepository } from './timeline/timeline.repository.js';
import { TicketCommandHandlers } from './commands/index.js';
import { TicketQueryHandlers } from './queries/index.js';
import { TicketEntryModel } from './ticket-entry.model.js';
import { TicketModel } from './ticket.model.js';
import { TicketRepository } from './ticket.repository.js';
import { TicketsRouter } from './tickets.router.js';

@Module({
  imports: [CqrsModule, SequelizeModule.forFeature([TicketModel, TicketEntryModel]), AuditModule, OutboxModule, UsersModule],
  providers: [TicketRepository, TimelineRepository, NoteMentions, TicketsRouter, ...TicketCommandHandlers, ...TicketQueryHandlers],
  exports: [TicketsRouter],
})
export class TicketsModule {}
