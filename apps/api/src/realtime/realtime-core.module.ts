import { Module } from '@nestjs/common';
import { EventLog } from './event-log.js';
import { PresenceService } from './presence.service.js';
import { RealtimeHub } from './realtime-hub.js';
import { RealtimeRedis } from './realtime-redis.js';
import { TicketFactsReader } from './ticket-facts.reader.js';

/** The live layer's Redis plumbing: the event log (streams + fan-out), the per-process hub, presence. */
@Module({
  providers: [RealtimeRedis, EventLog, RealtimeHub, PresenceService, TicketFactsReader],
  exports: [RealtimeRedis, EventLog, RealtimeHub, PresenceService, TicketFactsReader],
})
export class RealtimeCoreModule {}
