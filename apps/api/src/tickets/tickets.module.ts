import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SequelizeModule } from '@nestjs/sequelize';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { WhatsappWindowModule } from '../channels/twilio/whatsapp-window.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { UsersModule } from '../users/users.module.js';
import { InboxModule } from '../inbox/inbox.module.js';
import { NoteMentions } from './mentions/note-mentions.service.js';
import { TimelineRepository } from './timeline/timeline.repository.js';
import { EntryCallsRepository } from './timeline/entry-calls.repository.js';
import { TicketCommandHandlers } from './commands/index.js';
import { TicketQueryHandlers } from './queries/index.js';
import { TicketEntryModel } from './ticket-entry.model.js';
import { TicketModel } from './ticket.model.js';
import { TicketPresenter } from './ticket.presenter.js';
import { TicketReferences } from './ticket-references.js';
import { TicketPair } from './ticket-pair.js';
import { TicketLinksRouter } from './links/ticket-links.router.js';
import { TicketRepository } from './ticket.repository.js';
import { TicketsRouter } from './tickets.router.js';
import { FollowUpTickets } from './links/follow-up-tickets.js';
import { TicketLinkRepository } from './links/ticket-link.repository.js';
import { RequesterTransition } from './requester-transition.js';

@Module({
  imports: [
    CqrsModule,
    SequelizeModule.forFeature([TicketModel, TicketEntryModel]),
    AuditModule,
    OutboxModule,
    CatalogModule,
    AttachmentsModule,
    UsersModule,
    WhatsappWindowModule,
    InboxModule,
  ],
  providers: [
    TicketRepository,
    TimelineRepository,
    NoteMentions,
    TicketPresenter,
    TicketReferences,
    TicketPair,
    TicketLinksRouter,
    TicketsRouter,
    ...TicketCommandHandlers,
    ...TicketQueryHandlers,
    TicketLinkRepository,
    FollowUpTickets,
    RequesterTransition,
    EntryCallsRepository,
  ],
  exports: [TicketsRouter, EntryCallsRepository],
})
export class TicketsModule {}
