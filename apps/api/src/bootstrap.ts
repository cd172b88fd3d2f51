import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { APP_CONFIG } from './config/config.module.js';
import { loadConfig, type AppConfig } from './config/config.schema.js';
import { mountTrpc } from './trpc/mount.js';
import { WorkerModule } from './worker.module.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const levelsFrom = (config: AppConfig) => LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1);

/** Builds the HTTP app (used by main.ts and by the e2e tests, which listen on port 0). */
export async function createApi(): Promise<{ app: NestExpressApplication; config: AppConfig }> {
  const config = loadConfig();
  // Body parsing is left to tRPC and the REST adapter (and later to webhooks that need the raw body).
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: levelsFrom(config),
  });
  // Only these callers may name the browser's address (X-Forwarded-For) and user agent (decision 027).
  app.set('trust proxy', config.trustedProxies);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  mountTrpc(app, app.get<AppConfig>(APP_CONFIG));
  await app.init();
  return { app, config };
}

export async function createWorker() {
  const config = loadConfig();
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: levelsFrom(config) });
  worker.enableShutdownHooks();
  return { worker, config };
}

export const bootLogger = new Logger('boot');
