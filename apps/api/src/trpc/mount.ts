import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Express, NextFunction, Request, Response } from 'express';
import { createOpenApiNodeHttpHandler, generateOpenApiDocument } from 'trpc-to-openapi';
import { attachmentsOpenApiPaths } from '../attachments/attachments.openapi.js';
import { LIVE_SUBSCRIPTIONS } from '../realtime/live.router.js';
import { liveSseMiddleware } from '../realtime/live-sse.js';
import type { AppConfig } from '../config/config.schema.js';
import { AppRouterFactory } from './app-router.js';
import { contextFactory } from './create-context.js';

const logger = new Logger('trpc');

function logServerError({ error, path }: { error: { code: string; message: string; cause?: unknown }; path?: string }) {
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    logger.error(`${path ?? '?'}: ${error.message}`, (error.cause as Error | undefined)?.stack);
  }
}

/**
 * Serves the app router twice: tRPC at /trpc for the Remix apps, and REST at /api/v1 with its
 * OpenAPI document for integrators. One implementation, two surfaces.
 */
export function mountTrpc(app: INestApplication, config: AppConfig) {
  const appRouter = app.get(AppRouterFactory).build();
  const express = app.getHttpAdapter().getInstance() as Express;

  // Live subscriptions first: the same procedures, streamed without tRPC's per-message web streams.
  express.use('/trpc', liveSseMiddleware(appRouter, contextFactory('trpc'), LIVE_SUBSCRIPTIONS));
  express.use(
    '/trpc',
    createExpressMiddleware({ router: appRouter, createContext: contextFactory('trpc'), onError: logServerError }),
  );

  const document = generateOpenApiDocument(appRouter, {
    title: 'Switchboard API',
    description: 'Tickets, timelines and replies. Authenticate with POST /auth/token, then send Authorization: Bearer <token>.',
    version: '1.0.0',
    baseUrl: `${config.publicApiUrl}/api/v1`,
    tags: ['auth', 'tickets', 'catalog', 'views', 'outbox', 'attachments'],
    paths: attachmentsOpenApiPaths,
  });
  express.get('/api/v1/openapi.json', (_req: Request, res: Response) => {
    res.json(document);
  });
  // Paths that are no procedure fall through (next) to Nest's controllers, e.g. the attachment upload and download.
  const rest = createOpenApiNodeHttpHandler<typeof appRouter, Request, Response>({ router: appRouter, createContext: contextFactory('rest'), onError: logServerError });
  express.use('/api/v1', (req: Request, res: Response, next: NextFunction) => rest(req, res, next));
  return appRouter;
}
