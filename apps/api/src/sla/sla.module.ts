import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetTicketSlasHandler } from './queries/get-ticket-slas/get-ticket-slas.handler.js';
import { SlaCoreModule } from './sla-core.module.js';
import { SlaRouter } from './sla.router.js';
import { TicketSlaSaga } from './ticket-sla.saga.js';

/** SLAs in the api: targets follow ticket events; policies, calendars and reports through tRPC/REST. */
@Module({
  imports: [CqrsModule, SlaCoreModule],
  providers: [TicketSlaSaga, GetTicketSlasHandler, SlaRouter],
  exports: [SlaRouter],
})
export class SlaModule {}
