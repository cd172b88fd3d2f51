import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { zSecurityLog, zSecurityLogInput, zTicketAudit, zTicketAuditInput } from '@switchboard/contracts';
import { requireAbility, router } from '../trpc/trpc.js';
import { SecurityLogQuery } from './queries/security-log/security-log.query.js';
import { TicketAuditQuery } from './queries/ticket-audit/ticket-audit.query.js';

@Injectable()
export class AuditRouter {
  constructor(private readonly queries: QueryBus) {}

  build() {
    return router({
      forTicket: requireAbility('read', 'AuditEntry')
        .meta({ openapi: { method: 'GET', path: '/tickets/{ticketId}/audit', tags: ['audit'], protect: true, summary: 'Who changed what on a ticket, when and from where (managers, admins)' } })
        .input(zTicketAuditInput)
        .output(zTicketAudit)
        .query(({ ctx, input }) => this.queries.execute(new TicketAuditQuery(ctx.actor, input.ticketId))),
      security: requireAbility('read', 'UserSecurity')
        .meta({ openapi: { method: 'GET', path: '/audit/security', tags: ['audit'], protect: true, summary: 'Sign-ins, account security and permission changes, newest first (admins)' } })
        .input(zSecurityLogInput)
        .output(zSecurityLog)
        .query(({ ctx, input }) => this.queries.execute(new SecurityLogQuery(ctx.actor, input))),
    });
  }
}
