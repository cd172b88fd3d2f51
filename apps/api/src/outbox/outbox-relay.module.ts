import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { OutboxRelayService } from './outbox-relay.service.js';
import { OutboxModule } from './outbox.module.js';
import { OUTBOX_QUEUE } from './outbox.topics.js';

/** The worker's half of the outbox: the relay from MySQL to Bull. */
@Module({
  imports: [OutboxModule, BullModule.registerQueue({ name: OUTBOX_QUEUE })],
  providers: [OutboxRelayService],
  exports: [OutboxRelayService],
})
export class OutboxRelayModule {}
