import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TwilioModule } from './channels/twilio/twilio.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { QueueModule } from './database/queue.module.js';
import { HttpModule } from './http/http.module.js';
import { TrpcModule } from './trpc/trpc.module.js';

/** The HTTP process: tRPC, REST, webhooks and health. Jobs run in the worker (worker.module.ts). */
@Module({
  imports: [ConfigModule, CqrsModule.forRoot(), DatabaseModule, QueueModule, TrpcModule, HttpModule, TwilioModule],
})
export class AppModule {}
