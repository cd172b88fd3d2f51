import { Injectable } from '@nestjs/common';
import { AuthRouter } from '../auth/auth.router.js';
import { NotificationsRouter } from '../notifications/notifications.router.js';
import { TicketsRouter } from '../tickets/tickets.router.js';
import { router } from './trpc.js';

/** Merges the domain routers into the one router served at /trpc and /api/v1. */
@Injectable()
export class AppRouterFactory {
  constructor(
    private readonly auth: AuthRouter,
    private readonly tickets: TicketsRouter,
    private readonly notifications: NotificationsRouter,
  ) {}

  build() {
    return router({
      auth: this.auth.build(),
      tickets: this.tickets.build(),
      outbox: this.notifications.build(),
    });
  }
}

/** The only thing the web apps import from the API: a type. */
export type AppRouter = ReturnType<AppRouterFactory['build']>;
