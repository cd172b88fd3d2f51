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

/** The headers every test message starts with, up to and including MIME-Version. */
function envelopeHeaders(mail: Omit<SimpleMail, 'text'>, messageId: string): string[] {
  return [
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
  ];
}

/** A plain-text message as a mail client would send it (CRLF, Date, MIME-Version, UTF-8 8bit body). */
export function simpleMail(mail: SimpleMail): { mime: Buffer; messageId: string } {
  const messageId = mail.messageId ?? newMessageId();
  const lines = [
    ...envelopeHeaders(mail, messageId),
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    mail.text ?? 'Hello',
    '',
  ];
  return { mime: Buffer.from(lines.join('\r\n'), 'utf8'), messageId };
}

/**
 * An HTML message as mail clients send it: multipart/alternative with the plain-text part first and
 * the HTML part (base64, since client HTML often has lines longer than SMTP allows); `text: null`
 * sends the HTML alone.
 */
export function htmlMail(mail: Omit<SimpleMail, 'text'> & { html: string; text: string | null }): { mime: Buffer; messageId: string } {
  const messageId = mail.messageId ?? newMessageId();
  const boundary = `alt-${randomBytes(6).toString('hex')}`;
  const htmlPart = ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', ...(Buffer.from(mail.html, 'utf8').toString('base64').match(/.{1,76}/g) ?? [])];
  const body =
    mail.text == null
      ? htmlPart
      : [
          `Content-Type: multipart/alternative; boundary="${boundary}"`,
          '',
          `--${boundary}`,
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: 8bit',
          '',
          mail.text,
          `--${boundary}`,
          ...htmlPart,
          `--${boundary}--`,
        ];
  const lines = [
    ...envelopeHeaders(mail, messageId),
    ...body,
    '',
  ];
  return { mime: Buffer.from(lines.join('\r\n'), 'utf8'), messageId };
}
