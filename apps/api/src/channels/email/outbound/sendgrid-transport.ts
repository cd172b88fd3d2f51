import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import sgClient from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';

export interface OutgoingEmail {
  to: string;
  cc?: string[];
  fromName?: string;
  /** The support address it goes out from (a company's own, see addresses/); SUPPORT_EMAIL when not given. */
  fromAddress?: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Our Message-ID for this mail, without angle brackets. */
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  replyTo?: string | null;
  /** Automatic mail (acknowledgements, notifications) says so, so other systems do not answer it. */
  automatic: boolean;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** Sent by SendGrid with this id (its X-Message-Id), or refused with an error (thrown; the job retries). */
export interface SendResult {
  providerMessageId: string | null;
}

const bracket = (id: string) => `<${id}>`;

/**
 * Email out through @sendgrid/mail (v3 /v3/mail/send). Its client's base URL comes from
 * SENDGRID_API_URL, so tests point it at a local server. Without SENDGRID_API_KEY it is disabled,
 * and everything stays in the local outbox (LocalMailer).
 */
@Injectable()
export class SendgridTransport implements OnModuleInit {
  private readonly logger = new Logger(SendgridTransport.name);
  private readonly mail: MailService | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.sendgridApiKey) {
      this.mail = null;
      return;
    }
    const ClientClass = (sgClient as unknown as { Client: new () => typeof sgClient }).Client;
    const client = new ClientClass();
    client.setApiKey(config.sendgridApiKey);
    // setApiKey picks the region's host; ours wins after it.
    client.setDefaultRequest('baseUrl', config.email.sendgridApiUrl);
    this.mail = new MailService();
    this.mail.setClient(client);
    this.mail.setTimeout(15_000);
  }

  get enabled() {
    return this.mail !== null;
  }

  onModuleInit() {
    if (!this.enabled) {
      this.logger.log('no SENDGRID_API_KEY set: email is not sent, it is kept in the local outbox (workspace: Outbox)');
    } else {
      this.logger.log(`email goes out through SendGrid (${this.config.email.sendgridApiUrl}) from ${this.config.email.supportAddress}`);
    }
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    if (!this.mail) throw new Error('SendGrid is not configured');
    const headers: Record<string, string> = { 'Message-ID': bracket(email.messageId) };
    if (email.inReplyTo) headers['In-Reply-To'] = bracket(email.inReplyTo);
    if (email.references?.length) headers.References = email.references.map(bracket).join(' ');
    if (email.automatic) {
      headers['Auto-Submitted'] = 'auto-replied';
      headers['X-Auto-Response-Suppress'] = 'All';
    }
    const [response] = await this.mail.send({
      to: email.to,
      ...(email.cc?.length ? { cc: email.cc } : {}),
      from: { email: email.fromAddress ?? this.config.email.supportAddress, name: email.fromName ?? this.config.email.supportName },
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      subject: email.subject,
      text: email.text || ' ',
      ...(email.html ? { html: email.html } : {}),
      headers,
      ...(email.attachments?.length
        ? {
            attachments: email.attachments.map((a) => ({
              content: a.content.toString('base64'),
              filename: a.filename,
              type: a.contentType,
              disposition: 'attachment',
            })),
          }
        : {}),
    });
    const id = response.headers?.['x-message-id'];
    return { providerMessageId: typeof id === 'string' ? id : null };
  }
}
