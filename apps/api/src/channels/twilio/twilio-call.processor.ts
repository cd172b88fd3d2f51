import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OutboxRepository } from '../../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../../outbox/outbox.topics.js';
import { TwilioClient } from './twilio-client.js';
import { TwilioDeliveriesRepository } from './twilio-deliveries.repository.js';
import { TwilioInboundRepository } from './twilio-inbound.repository.js';
import { VOICE_PATHS } from './voice-twiml.js';

/**
 * Places an agent's call back with `client.calls.create`: Twilio rings the agent's phone and,
 * when they answer, fetches the bridge TwiML that dials the customer. The call's status callback
 * carries the ticket id, so the finished call lands on the ticket as an internal note. Recorded
 * in outbound_messages (channel phone) once per outbox row; without credentials it stays local.
 */
@Processor(OUTBOX_QUEUE)
export class TwilioCallProcessor {
  private readonly logger = new Logger(TwilioCallProcessor.name);

  constructor(
    private readonly twilio: TwilioClient,
    private readonly inbound: TwilioInboundRepository,
    private readonly deliveries: TwilioDeliveriesRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  @Process('twilio.call')
  async handle(job: Job<OutboxJob<'twilio.call'>>) {
    const { outboxId, payload } = job.data;
    const existing = await this.deliveries.find(outboxId, payload.agentPhone);
    if (existing?.providerSid) return this.outbox.markDone(outboxId);
    const record = {
      outboxEventId: outboxId,
      channel: 'phone',
      recipient: payload.agentPhone,
      body: `Call back: ring ${payload.agentPhone}, then connect ${payload.customerPhone}`,
      ticketId: payload.ticketId,
      entryId: null,
    };
    // Caller ID: the number the customer called us on, else our configured number.
    const config = await this.twilio.config();
    const from = (await this.inbound.lastCalledNumber(payload.ticketId)) ?? config.smsFrom;
    const client = await this.twilio.get();
    if (!client || !from) {
      await this.deliveries.begin({ ...record, status: 'local' });
      this.logger.log(
        `call back on #${payload.ticketId} not placed (${client ? 'no number to call from: set TWILIO_SMS_FROM' : 'Twilio is off: no account SID / auth token in the settings or the environment'}); kept in the local outbox`,
      );
      return this.outbox.markDone(outboxId);
    }
    await this.deliveries.begin({ ...record, status: 'sending' });
    const call = await client.calls.create({
      to: payload.agentPhone,
      from,
      url: this.twilio.webhookUrl(`${VOICE_PATHS.bridge}?to=${encodeURIComponent(payload.customerPhone)}`),
      method: 'POST',
      statusCallback: this.twilio.webhookUrl(`${VOICE_PATHS.status}?ticket=${payload.ticketId}`),
      statusCallbackMethod: 'POST',
    });
    await this.deliveries.sent(outboxId, payload.agentPhone, call.sid, call.status);
    await this.outbox.markDone(outboxId);
  }
}
