import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { ChannelsWorkerModule } from './channels/channels-worker.module.js';
import { TwilioWorkerModule } from './channels/twilio/twilio-worker.module.js';
import { EmailWorkerModule } from './channels/email/email-worker.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { QueueModule } from './database/queue.module.js';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module.js';
import { OutboxRelayModule } from './outbox/outbox-relay.module.js';
import { SatisfactionWorkerModule } from './satisfaction/satisfaction-worker.module.js';
import { SlaWorkerModule } from './sla/sla-worker.module.js';
import { AutoCloseWorkerModule } from './tickets/auto-close/auto-close-worker.module.js';
import { RoutingWorkerModule } from './routing/routing-worker.module.js';
import { KbWorkerModule } from './kb/kb-worker.module.js';
import { RealtimePublishingModule } from './realtime/realtime-publishing.module.js';
import { ChatWorkerModule } from './chat/chat-worker.module.js';

/** The worker process: Bull processors and periodic work, no HTTP. */
@Module({
  imports: [
    ConfigModule,
    CqrsModule.forRoot(),
    ScheduleModule.forRoot(),
    DatabaseModule,
    QueueModule,
    OutboxRelayModule,
    NotificationsWorkerModule,
    SatisfactionWorkerModule,
    AutoCloseWorkerModule,
    ChannelsWorkerModule,
    RoutingWorkerModule,
    SlaWorkerModule,
    TwilioWorkerModule,
    KbWorkerModule,
    RealtimePublishingModule,
    EmailWorkerModule,
    ChatWorkerModule,
  ],
})
export class WorkerModule {}
