import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FailedWorkActionResult } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { FailedWorkErrors } from '../../failed-work.errors.js';
import { FailedWorkRepository } from '../../failed-work.repository.js';
import { RetryFailedWorkCommand } from './retry-failed-work.command.js';

/**
 * Idempotent: a row that is pending, queued or done is left alone and the answer says so
 * (`changed: false`); a failed or dismissed one is reset under a row lock, audited in the same
 * transaction, so two admins pressing Retry at once reset it once.
 */
@CommandHandler(RetryFailedWorkCommand)
export class RetryFailedWorkHandler implements ICommandHandler<RetryFailedWorkCommand, FailedWorkActionResult> {
  constructor(
    private readonly failures: FailedWorkRepository,
    private readonly audit: AuditRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, id }: RetryFailedWorkCommand): Promise<FailedWorkActionResult> {
    if (actor.ability.cannot('update', 'FailedWork')) throw FailedWorkErrors.forbidden('retry background work');
    return this.sequelize.transaction(async (transaction) => {
      const row = await this.failures.lock(id, transaction);
      if (!row) throw FailedWorkErrors.notFound(id);
      if (row.status !== 'failed' && row.status !== 'dismissed') {
        return { id, status: row.status, changed: false, message: `Background job ${id} is ${row.status}; nothing to retry.` };
      }
      await this.failures.requeue(id, transaction);
      await this.audit.record(
        actor,
        {
          action: 'outbox.retried',
          subjectType: 'OutboxEvent',
          subjectId: id,
          before: { status: row.status, attempts: row.attempts, lastError: row.lastError?.slice(0, 500) ?? null, topic: row.topic },
          after: { status: 'pending', attempts: 0 },
        },
        transaction,
      );
      return { id, status: 'pending', changed: true, message: `Background job ${id} (${row.topic}) is queued again.` };
    });
  }
}
