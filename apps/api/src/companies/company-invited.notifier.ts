import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';

/** The invitation into a company, in the company's name (its brand name when it has one), with the signed portal link. */
@Processor(OUTBOX_QUEUE)
export class CompanyInvitedNotifier {
  constructor(private readonly mailer: LocalMailer) {}

  @Process('company.invited')
  async handle(job: Job<OutboxJob<'company.invited'>>) {
    const { outboxId, payload } = job.data;
    const brand = payload.brand.name || payload.companyName;
    await this.mailer.send(outboxId, {
      recipient: payload.email,
      subject: `${payload.inviterName} invited you to ${brand} support`,
      body:
        `Hello ${payload.name},\n\n` +
        `${payload.inviterName} invited you to ${brand}'s support portal, where you can open and follow your company's requests.\n` +
        `Choose your password here (the link works once, until ${payload.expiresAt}):\n\n${payload.link}\n`,
      ticketId: null,
    });
  }
}
