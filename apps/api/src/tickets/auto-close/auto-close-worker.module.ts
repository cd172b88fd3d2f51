import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { UsersModule } from '../../users/users.module.js';
import { TicketsModule } from '../tickets.module.js';
import { AutoCloseJob } from './auto-close.job.js';
import { ResolvedTicketsFinder } from './resolved-tickets.finder.js';

/** The worker's periodic auto-close; TicketsModule brings the command handlers it dispatches to. */
@Module({
  imports: [CqrsModule, TicketsModule, UsersModule],
  providers: [ResolvedTicketsFinder, AutoCloseJob],
  exports: [AutoCloseJob],
})
export class AutoCloseWorkerModule {}
