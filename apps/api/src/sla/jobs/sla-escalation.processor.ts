import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LEVELS, type Level } from '@switchboard/contracts';
import type { Job } from 'bull';
import { DomainError } from '../../common/domain-error.js';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../../outbox/outbox.topics.js';
import { UpdateTicketCommand, type UpdateTicketData } from '../../tickets/commands/update-ticket/update-ticket.command.js';
import { SystemActor } from '../../users/system-actor.js';
import { SlaTicketRepository } from '../sla-ticket.repository.js';

/**
 * Applies a breach's escalation, written as an outbox row in the breach's transaction (SlaEnforcer), as
 * an ordinary ticket update by the system user. The row holds the values to set (urgency "high", team
 * #3), not "one level up": a retry after a crash, or a job delivered twice, finds them already set and
 * the update changes nothing, so the escalation happens once (and urgency is only ever raised, never
 * set back down by a late retry). A refused update (the team was deleted
 * since) is logged and done; anything else fails the job and Bull retries it (the queue's failure
 * listener counts the attempts on the outbox row).
 */
@Processor(OUTBOX_QUEUE)
export class SlaEscalationProcessor {
  private readonly logger = new Logger(SlaEscalationProcessor.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly system: SystemActor,
    private readonly outbox: OutboxRepository,
    private readonly repo: SlaTicketRepository,
  ) {}

  @Process('sla.escalate')
  async handle(job: Job<OutboxJob<'sla.escalate'>>) {
    const { outboxId, payload } = job.data;
    const ticket = await this.repo.ticket(payload.ticketId);
    const data: UpdateTicketData = {};
    // Urgency only ever goes up here: a retry never lowers what someone raised meanwhile.
    if (payload.urgency && ticket && LEVELS.indexOf(ticket.urgency) < LEVELS.indexOf(payload.urgency as Level)) data.urgency = payload.urgency as Level;
    if (payload.teamId) data.teamId = payload.teamId;
    if (payload.assigneeId) data.assigneeId = payload.assigneeId;
    try {
      if (ticket && Object.keys(data).length) await this.commands.execute(new UpdateTicketCommand(await this.system.get(), payload.ticketId, data));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`ticket #${payload.ticketId}: escalation of SLA target ${payload.targetId} refused: ${error.message}`);
    }
    await this.outbox.markDone(outboxId);
  }
}
