import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { TicketAudit } from '@switchboard/contracts';
import { DomainError } from '../../../common/domain-error.js';
import { toAuditEntry } from '../../audit.mapper.js';
import { AuditRepository } from '../../audit.repository.js';
import { TicketAuditQuery } from './ticket-audit.query.js';

/** A ticket's audit trail: managers and admins only. */
@QueryHandler(TicketAuditQuery)
export class TicketAuditHandler implements IQueryHandler<TicketAuditQuery, TicketAudit> {
  constructor(private readonly audit: AuditRepository) {}

  async execute({ actor, ticketId }: TicketAuditQuery): Promise<TicketAudit> {
    if (actor.ability.cannot('read', 'AuditEntry')) {
      throw new DomainError('forbidden', 'AUDIT_FORBIDDEN', 'Only managers and admins may read the audit trail');
    }
    const rows = await this.audit.forSubject('Ticket', ticketId);
    return { entries: rows.map(toAuditEntry) };
  }
}
