import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit.module.js';
import { AuditRouter } from './audit.router.js';
import { SecurityLogHandler } from './queries/security-log/security-log.handler.js';
import { TicketAuditHandler } from './queries/ticket-audit/ticket-audit.handler.js';

/** Reading the audit trail over the API (AuditModule itself only writes, inside other modules' transactions). */
@Module({
  imports: [CqrsModule, AuditModule],
  providers: [TicketAuditHandler, SecurityLogHandler, AuditRouter],
  exports: [AuditRouter],
})
export class AuditViewModule {}
