import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';

export interface Email {
  recipient: string;
  subject: string;
  body: string;
  ticketId: number | null;
  /** Holds a one-time secret (a reset link): recorded, but its body is shown to admins only, and never logged. */
  sensitive?: boolean;
}

/**
 * The one way an outbox job sends an email today: it is recorded in the local outbox (the
 * workspace's Outbox page) and the outbox row is marked done. Idempotent per (outbox row,
 * recipient). Real delivery through SendGrid replaces the inside of this class, not its callers.
 */
@Injectable()
export class LocalMailer {
  private readonly logger = new Logger(LocalMailer.name);

  constructor(
    private readonly messages: OutboundMessageRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(outboxId: number, email: Email) {
    await this.messages.record({
      outboxEventId: outboxId,
      channel: 'email',
      recipient: email.recipient,
      subject: email.subject.slice(0, 255),
      body: email.body,
      status: 'local',
      ticketId: email.ticketId,
      sensitive: email.sensitive ?? false,
    });
    this.logger.log(
      `"${email.subject.slice(0, 80)}" to ${email.recipient} kept in the local outbox ` +
        `(${this.config.sendgridApiKey ? 'email delivery is not wired yet' : 'no SENDGRID_API_KEY set'}; see the workspace's Outbox page)`,
    );
    await this.outbox.markDone(outboxId);
  }
}
