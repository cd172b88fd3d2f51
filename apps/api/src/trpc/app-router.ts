import { Injectable } from '@nestjs/common';
import { AuditRouter } from '../audit/audit.router.js';
import { AccountRouter } from '../auth/account.router.js';
import { AuthRouter } from '../auth/auth.router.js';
import { PhoneRouter } from '../channels/twilio/phone.router.js';
import { NotificationsRouter } from '../notifications/notifications.router.js';
import { CatalogRouter } from '../catalog/catalog.router.js';
import { SlaRouter } from '../sla/sla.router.js';
import { SatisfactionRouter } from '../satisfaction/satisfaction.router.js';
import { TicketsRouter } from '../tickets/tickets.router.js';
import { ViewsRouter } from '../views/views.router.js';
import { PeopleRouter } from '../people/people.router.js';
import { CompaniesRouter } from '../companies/companies.router.js';
import { RoutingRouter } from '../routing/routing.router.js';
import { KbRouter } from '../kb/kb.router.js';
import { InboxRouter } from '../inbox/inbox.router.js';
import { LiveRouter } from '../realtime/live.router.js';
import { EmailRouter } from '../channels/email/email.router.js';
import { ChatRouter } from '../chat/chat.router.js';
import { CustomersRouter } from '../customers/customers.router.js';
import { FailedWorkRouter } from '../failed-work/failed-work.router.js';
import { router } from './trpc.js';

/** Merges the domain routers into the one router served at /trpc and /api/v1. */
@Injectable()
export class AppRouterFactory {
  constructor(
    private readonly auth: AuthRouter,
    private readonly tickets: TicketsRouter,
    private readonly notifications: NotificationsRouter,
    private readonly catalog: CatalogRouter,
    private readonly views: ViewsRouter,
    private readonly satisfaction: SatisfactionRouter,
    private readonly audit: AuditRouter,
    private readonly account: AccountRouter,
    private readonly people: PeopleRouter,
    private readonly companies: CompaniesRouter,
    private readonly routing: RoutingRouter,
    private readonly sla: SlaRouter,
    private readonly phone: PhoneRouter,
    private readonly kb: KbRouter,
    private readonly live: LiveRouter,
    private readonly inbox: InboxRouter,
    private readonly email: EmailRouter,
    private readonly chat: ChatRouter,
    private readonly customers: CustomersRouter,
    private readonly failedWork: FailedWorkRouter,
  ) {}

  build() {
    return router({
      auth: this.auth.build(),
      tickets: this.tickets.build(),
      outbox: this.notifications.build(),
      catalog: this.catalog.build(),
      views: this.views.build(),
      satisfaction: this.satisfaction.build(),
      audit: this.audit.build(),
      account: this.account.build(),
      people: this.people.build(),
      companies: this.companies.build(),
      routing: this.routing.build(),
      sla: this.sla.build(),
      phone: this.phone.build(),
      kb: this.kb.build(),
      live: this.live.build(),
      inbox: this.inbox.build(),
      email: this.email.build(),
      chat: this.chat.build(),
      customers: this.customers.build(),
      failedWork: this.failedWork.build(),
    });
  }
}

/** The only thing the web apps import from the API: a type. */
export type AppRouter = ReturnType<AppRouterFactory['build']>;
