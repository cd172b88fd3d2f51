import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { InboundEmail } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../../audit/audit.repository.js';
import { EmailErrors } from '../../email.errors.js';
import { InboundEmailQueue } from '../../inbound/inbound-email.queue.js';
import { InboundEmailRepository } from '../../inbound/inbound-email.repository.js';
import { toInboundEmail } from '../../inbound-email.mapper.js';
import { RetryInboundEmailCommand } from './retry-inbound-email.command.js';

@CommandHandler(RetryInboundEmailCommand)
export class RetryInboundEmailHandler implements ICommandHandler<RetryInboundEmailCommand, InboundEmail> {
  constructor(
    private readonly inbound: InboundEmailRepository,
    private readonly queue: InboundEmailQueue,
    private readonly audit: AuditRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, id }: RetryInboundEmailCommand): Promise<InboundEmail> {
    if (actor.ability.cannot('update', 'InboundEmail')) throw EmailErrors.forbidden('retry inbound emails');
    const before = await this.inbound.find(id);
    if (!before) throw EmailErrors.notFound(id);
    await this.sequelize.transaction(async (transaction) => {
      if (!(await this.inbound.reset(id, transaction))) throw EmailErrors.notRetryable(id, before.status);
      await this.audit.record(
        actor,
        { action: 'inbound_email.retried', subjectType: 'InboundEmail', subjectId: id, before: { status: before.status, reason: before.failureReason }, after: { status: 'received' } },
        transaction,
      );
    });
    await this.queue.enqueue(id);
    return toInboundEmail((await this.inbound.find(id))!);
  }
}
