import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { TwilioModule } from '../channels/twilio/twilio.module.js';
import { AuditViewModule } from '../audit/audit-view.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { SatisfactionModule } from '../satisfaction/satisfaction.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { ViewsModule } from '../views/views.module.js';
import { PeopleModule } from '../people/people.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { KbModule } from '../kb/kb.module.js';
import { InboxModule } from '../inbox/inbox.module.js';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { EmailModule } from '../channels/email/email.module.js';
import { ChatModule } from '../chat/chat.module.js';
import { FailedWorkModule } from '../failed-work/failed-work.module.js';
import { AppRouterFactory } from './app-router.js';

@Module({
  imports: [AuthModule, TicketsModule, NotificationsModule, CatalogModule, ViewsModule, SatisfactionModule, AuditViewModule, PeopleModule, CompaniesModule, RoutingModule, SlaModule, TwilioModule, KbModule, RealtimeModule, InboxModule, EmailModule, ChatModule, CustomersModule, FailedWorkModule],
  providers: [AppRouterFactory],
  exports: [AppRouterFactory],
})
export class TrpcModule {}
