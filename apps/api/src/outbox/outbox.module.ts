import { Module } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { OutboxEventModel } from './outbox-event.model.js';
import { OutboxRepository } from './outbox.repository.js';

/** What domain modules import to write outbox rows inside their own transactions. */
@Module({
  imports: [SequelizeModule.forFeature([OutboxEventModel])],
  providers: [OutboxRepository],
  exports: [OutboxRepository],
})
export class OutboxModule {}
