import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { SLA_METRIC_LABELS, type SlaMetric } from '@switchboard/contracts';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';

/** SLA warnings and breaches by email, one per recipient (the in-app feed reads sla_notifications later). */
@Processor(OUTBOX_QUEUE)
export class SlaAlertNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('sla.warning')
  async warning(job: Job<OutboxJob<'sla.warning'>>) {
    await this.send(job.data, 'is approaching its SLA target');
  }

  @Process('sla.breached')
  async breached(job: Job<OutboxJob<'sla.breached'>>) {
    await this.send(job.data, 'breached its SLA target');
  }

  private async send({ outboxId, payload }: OutboxJob<'sla.warning' | 'sla.breached'>, what: string) {
    const metric = SLA_METRIC_LABELS[payload.metric as SlaMetric] ?? payload.metric;
    for (const r of payload.recipients) {
      await this.mailer.send(outboxId, {
        recipient: r.email,
        subject: `[#${payload.ticketId}] ${metric} ${what}: ${payload.subject}`,
        body: `Hello ${r.name},\n\nticket #${payload.ticketId} ("${payload.subject}") ${what}: ${metric.toLowerCase()} is due ${payload.dueAt}.\n`,
        ticketId: payload.ticketId,
      });
    }
  }
}
