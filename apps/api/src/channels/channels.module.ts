import { Module } from '@nestjs/common';
import { ReplySenders } from './reply-senders.js';

/** What every channel shares: the registry of reply senders. Channel modules import this one. */
@Module({
  providers: [ReplySenders],
  exports: [ReplySenders],
})
export class ChannelsModule {}
