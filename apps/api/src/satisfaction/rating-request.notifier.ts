import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { ratingLabel } from '../channels/email/templates/default-templates.js';
import { EmailTemplates } from '../channels/email/templates/email-templates.js';
import { LocalMailer } from '../notifications/local-mailer.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OUTBOX_QUEUE, type OutboxJob } from '../outbox/outbox.topics.js';
import { RatingLinkSigner } from './rating-link.signer.js';

/**
 * Asks the requester of a resolved ticket to rate it, with one link per score, from the company's
 * editable CSAT template; when a company turned that off, its "resolved" status notice goes instead
 * (and when both are off, nothing). The links only open a confirmation page in the portal (mail
 * scanners follow links); the rating is recorded on submit.
 * Failed attempts are recorded by the queue's failure listener (notifications/ticket-created.notifier.ts).
 */
@Processor(OUTBOX_QUEUE)
export class RatingRequestNotifier {
  constructor(
    private readonly mailer: LocalMailer,
    private readonly signer: RatingLinkSigner,
    private readonly templates: EmailTemplates,
    private readonly outbox: OutboxRepository,
  ) {}

  @Process('ticket.resolved')
  async handle(job: Job<OutboxJob<'ticket.resolved'>>) {
    const { outboxId, payload } = job.data;
    const { companyId, vars } = await this.templates.ticketVars(payload.ticketId, { requesterName: payload.requesterName });
    const links = this.signer.links(this.signer.sign(payload.ticketId)).map((l) => ({ ...l, label: ratingLabel(l.score) }));
    const mail =
      (await this.templates.render('csat', companyId, { ...vars, rating: { links } })) ?? (await this.templates.render('resolved', companyId, vars));
    if (!mail) {
      await this.outbox.markDone(outboxId);
      return;
    }
    await this.mailer.send(outboxId, { recipient: payload.requesterEmail, subject: mail.subject, body: mail.text, html: mail.html, ticketId: payload.ticketId });
  }
}
