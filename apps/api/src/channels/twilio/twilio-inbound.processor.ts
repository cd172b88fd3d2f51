import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../../outbox/outbox.topics.js';
import { DeliveryReports } from './delivery-reports.js';
import { InboundMessageApplier } from './inbound-message.applier.js';
import { VoiceApplier } from './voice.applier.js';
import { TwilioInboundRepository, type InboundOutcome, type InboundRow } from './twilio-inbound.repository.js';

/**
 * Applies a stored Twilio webhook, once. The row stays locked (SELECT ... FOR UPDATE) while it is
 * applied, so a second run of the same job waits and then finds it processed; the outcome is
 * written in that transaction. The ticket commands commit in their own transactions, so the entry
 * they write carries the delivery's source key (`twilio:<kind>:<sid>`, unique): a job that died
 * after their commit but before ours finds that entry on retry instead of adding it again.
 */
@Processor(OUTBOX_QUEUE)
export class TwilioInboundProcessor {
  private readonly logger = new Logger(TwilioInboundProcessor.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly inbound: TwilioInboundRepository,
    private readonly messages: InboundMessageApplier,
    private readonly voice: VoiceApplier,
    private readonly reports: DeliveryReports,
    private readonly outbox: OutboxRepository,
  ) {}

  @Process('twilio.inbound')
  async handle(job: Job<OutboxJob<'twilio.inbound'>>) {
    const { outboxId, payload } = job.data;
    await this.sequelize.transaction(async (transaction) => {
      const row = await this.inbound.lock(payload.inboundId, transaction);
      if (!row || row.processed_at) return;
      const outcome = await this.apply(row, transaction);
      await this.inbound.markProcessed(row.id, outcome, transaction);
      this.logger.debug(`twilio ${row.kind} ${row.sid}: ${outcome.outcome}${outcome.ticketId ? ` on #${outcome.ticketId}` : ''}`);
    });
    await this.outbox.markDone(outboxId);
  }

  private apply(row: InboundRow, transaction: Transaction): Promise<InboundOutcome> {
    switch (row.kind) {
      case 'message':
        return this.messages.apply(row);
      case 'call':
        return this.voice.call(row);
      case 'callback':
        return this.voice.callback(row);
      case 'recording':
        return this.voice.recording(row, transaction);
      case 'transcription':
        return this.voice.transcription(row);
      case 'status':
        return this.reports.apply(row);
    }
  }
}
