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

/**
 * A mail server's bounce (DSN, multipart/report) to support@acme.test about the message we sent to
 * `recipient` with Message-ID `messageId` (no brackets): 5.1.1 user unknown.
 */
export function bounceReport({ recipient, messageId, subject = 'Our message', boundary = 'dsn-boundary-1' }: { recipient: string; messageId: string; subject?: string; boundary?: string }): Buffer {
  return Buffer.from(
    [
      'From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.test>',
      'To: support@acme.test',
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <${newMessageId('mx.example.test')}>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Your message could not be delivered.',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.test',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      'From: Support <support@acme.test>',
      `To: ${recipient}`,
      `Message-ID: <${messageId}>`,
      `Subject: ${subject}`,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}
