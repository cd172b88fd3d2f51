import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { FailedWorkErrors } from '../../failed-work.errors.js';
import { FailedWorkRepository } from '../../failed-work.repository.js';
import { RetryFailedTopicCommand } from './retry-failed-topic.command.js';

/** One UPDATE for the topic's failed rows and one audit entry with the count; none failed is `retried: 0`, not an error. */
@CommandHandler(RetryFailedTopicCommand)
export class RetryFailedTopicHandler implements ICommandHandler<RetryFailedTopicCommand, { topic: string; retried: number }> {
  constructor(
    private readonly failures: FailedWorkRepository,
    private readonly audit: AuditRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, topic }: RetryFailedTopicCommand) {
    if (actor.ability.cannot('update', 'FailedWork')) throw FailedWorkErrors.forbidden('retry background work');
    return this.sequelize.transaction(async (transaction) => {
      const retried = await this.failures.requeueTopic(topic, transaction);
      if (retried > 0) {
        await this.audit.record(
          actor,
          { action: 'outbox.topic_retried', subjectType: 'OutboxTopic', subjectId: topic, before: { status: 'failed', count: retried }, after: { status: 'pending', attempts: 0 } },
          transaction,
        );
      }
      return { topic, retried };
    });
  }
}
