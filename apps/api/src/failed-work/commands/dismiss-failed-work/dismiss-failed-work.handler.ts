import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FailedWorkActionResult } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { FailedWorkErrors } from '../../failed-work.errors.js';
import { FailedWorkRepository } from '../../failed-work.repository.js';
import { DismissFailedWorkCommand } from './dismiss-failed-work.command.js';

/** Failed -> dismissed (audited); already dismissed changes nothing; a row still running or done is a 409. */
@CommandHandler(DismissFailedWorkCommand)
export class DismissFailedWorkHandler implements ICommandHandler<DismissFailedWorkCommand, FailedWorkActionResult> {
  constructor(
    private readonly failures: FailedWorkRepository,
    private readonly audit: AuditRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, id }: DismissFailedWorkCommand): Promise<FailedWorkActionResult> {
    if (actor.ability.cannot('update', 'FailedWork')) throw FailedWorkErrors.forbidden('dismiss background work');
    return this.sequelize.transaction(async (transaction) => {
      const row = await this.failures.lock(id, transaction);
      if (!row) throw FailedWorkErrors.notFound(id);
      if (row.status === 'dismissed') return { id, status: row.status, changed: false, message: `Background job ${id} was already dismissed.` };
      if (row.status !== 'failed') throw FailedWorkErrors.notDismissable(id, row.status);
      await this.failures.dismiss(id, transaction);
      await this.audit.record(
        actor,
        { action: 'outbox.dismissed', subjectType: 'OutboxEvent', subjectId: id, before: { status: 'failed', topic: row.topic }, after: { status: 'dismissed' } },
        transaction,
      );
      return { id, status: 'dismissed', changed: true, message: `Background job ${id} (${row.topic}) is dismissed.` };
    });
  }
}
