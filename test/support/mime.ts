import { randomBytes } from 'node:crypto';

export interface SimpleMail {
  from: string;
  to?: string;
  cc?: string;
  subject: string;
  text?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  /** Extra header lines, e.g. ['Auto-Submitted: auto-replied']. */
  headers?: string[];
}

export const newMessageId = (domain = 'mail.example.test') => `${randomBytes(8).toString('hex')}@${domain}`;

/** A plain-text message as a mail client would send it (CRLF, Date, MIME-Version, UTF-8 8bit body). */
export function simpleMail(mail: SimpleMail): { mime: Buffer; messageId: string } {
  const messageId = mail.messageId ?? newMessageId();
  const lines = [
    `From: ${mail.from}`,
    `To: ${mail.to ?? 'Support <support@acme.test>'}`,
    ...(mail.cc ? [`Cc: ${mail.cc}`] : []),
    `Subject: ${mail.subject}`,
    `Date: Sun, 22 Nov 2026 10:00:00 +0000`,
    `Message-ID: <${messageId}>`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`] : []),
    ...(mail.references ? [`References: ${mail.references}`] : []),
    ...(mail.headers ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    mail.text ?? 'Hello',
    '',
  ];
  return { mime: Buffer.from(lines.join('\r\n'), 'utf8'), messageId };
}
