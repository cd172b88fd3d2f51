import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { TicketCommandHandlers } from './commands/index.js';
import { TicketQueryHandlers } from './queries/index.js';
import { TicketEntryModel } from './ticket-entry.model.js';
import { TicketModel } from './ticket.model.js';
import { TicketRepository } from './ticket.repository.js';
import { TicketsRouter } from './tickets.router.js';

@Module({
  imports: [CqrsModule, SequelizeModule.forFeature([TicketModel, TicketEntryModel]), AuditModule, OutboxModule, AttachmentsModule],
  providers: [TicketRepository, TicketsRouter, ...TicketCommandHandlers, ...TicketQueryHandlers],
  exports: [TicketsRouter],
})
export class TicketsModule {}
