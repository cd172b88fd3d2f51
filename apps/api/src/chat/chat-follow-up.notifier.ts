import { Process, Processor } from '@nestjs/bull';
import { Inject } from '@nestjs/common';
import type { Job } from 'bull';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';

/** The email to a visitor whose chat nobody answered live: the conversation continues on their ticket. */
@Processor(OUTBOX_QUEUE)
export class ChatFollowUpNotifier {
  constructor(
    private readonly mailer: LocalMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Process('chat.follow_up')
  async handle(job: Job<OutboxJob<'chat.follow_up'>>) {
    const { outboxId, payload } = job.data;
    const why = payload.reason === 'no_agent' ? 'none of our agents could take your chat in time' : 'your chat ended before we could answer';
    await this.mailer.send(outboxId, {
      recipient: payload.email,
      subject: `[#${payload.ticketId}] We got your chat message`,
      body:
        `Hello ${payload.name},\n\n` +
        `Thank you for contacting us: ${why}. Your conversation is saved as request #${payload.ticketId}, ` +
        `and we will answer you by email. Reply to this message to add anything.\n\n` +
        `${this.config.portalUrl}/tickets/${payload.ticketId}\n`,
      ticketId: payload.ticketId,
    });
  }
}
