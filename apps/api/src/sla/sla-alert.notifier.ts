import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { SLA_METRIC_LABELS, type SlaMetric } from '@switchboard/contracts';
import { PreferredEmail } from '../notifications/preferred-email.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';

/** SLA warnings and breaches by email, one per recipient (the in-app feed reads sla_notifications later). */
@Processor(OUTBOX_QUEUE)
export class SlaAlertNotifier {
  constructor(private readonly email: PreferredEmail) {}

  @Process('sla.warning')
  async warning(job: Job<OutboxJob<'sla.warning'>>) {
    await this.send(job, 'sla_warning', 'is approaching its SLA target');
  }

  @Process('sla.breached')
  async breached(job: Job<OutboxJob<'sla.breached'>>) {
    await this.send(job, 'sla_breach', 'breached its SLA target');
  }

  /** Each recipient through their own notification preferences; one held during quiet hours gets a delayed job of their own. */
  private async send(job: Job<OutboxJob<'sla.warning' | 'sla.breached'>>, event: 'sla_warning' | 'sla_breach', what: string) {
    const { payload } = job.data;
    const metric = SLA_METRIC_LABELS[payload.metric as SlaMetric] ?? payload.metric;
    for (const r of payload.recipients) {
      await this.email.send(job, { ...job.data, payload: { ...payload, recipients: [r] } }, r.id, event, {
        recipient: r.email,
        subject: `[#${payload.ticketId}] ${metric} ${what}: ${payload.subject}`,
        body: `Hello ${r.name},\n\nticket #${payload.ticketId} ("${payload.subject}") ${what}: ${metric.toLowerCase()} is due ${payload.dueAt}.\n`,
        ticketId: payload.ticketId,
      });
    }
  }
}
