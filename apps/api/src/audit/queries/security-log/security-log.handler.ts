import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PERMISSION_ACTIONS, SIGN_IN_ACTIONS, type SecurityLog } from '@switchboard/contracts';
import { DomainError } from '../../../common/domain-error.js';
import { toAuditEntry } from '../../audit.mapper.js';
import { AuditRepository } from '../../audit.repository.js';
import { SecurityLogQuery } from './security-log.query.js';

const ACTIONS = { sign_in: SIGN_IN_ACTIONS, permission: PERMISSION_ACTIONS, all: [...SIGN_IN_ACTIONS, ...PERMISSION_ACTIONS] } as const;

/** Sign-ins, account security and permission changes across all users: admins only. */
@QueryHandler(SecurityLogQuery)
export class SecurityLogHandler implements IQueryHandler<SecurityLogQuery, SecurityLog> {
  constructor(private readonly audit: AuditRepository) {}

  async execute({ actor, input }: SecurityLogQuery): Promise<SecurityLog> {
    if (actor.ability.cannot('read', 'UserSecurity')) throw new DomainError('forbidden', 'AUDIT_FORBIDDEN', 'Only admins may read the security log');
    const rows = await this.audit.byActions(ACTIONS[input.kind], { userId: input.userId, before: input.before, limit: input.limit });
    const page = rows.slice(0, input.limit);
    return {
      entries: page.map((r) => ({ ...toAuditEntry(r), subject: { type: r.subjectType, id: String(r.subjectId), name: r.subjectName ?? null } })),
      nextBefore: rows.length > input.limit ? Number(page[page.length - 1].id) : null,
    };
  }
}
