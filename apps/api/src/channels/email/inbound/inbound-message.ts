export interface MailAddress {
  address: string;
  name: string;
}

export interface InboundFile {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Content-ID without brackets, for inline images referenced as cid: in the HTML. */
  contentId: string | null;
  inline: boolean;
}

/** A delivery status notification: which message of ours it reports, and what happened. */
export interface DeliveryReport {
  originalMessageId: string | null;
  recipient: string | null;
  action: string | null;
  status: string | null;
  diagnostic: string | null;
}

/** An inbound email, decoded, whichever Inbound Parse mode it came in. */
export interface InboundMessage {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string | null;
  /** Header name (lower case) -> raw values, in order. */
  headers: Map<string, string[]>;
  attachments: InboundFile[];
  spamScore: number | null;
  /** SMTP envelope recipients (where the mail was really delivered: our plus-address may be only here). */
  envelopeTo: string[];
  /** SMTP envelope sender; '' for a null return path (bounces, auto-replies). */
  envelopeFrom: string | null;
  report: DeliveryReport | null;
}

export const header = (message: Pick<InboundMessage, 'headers'>, name: string): string | null =>
  message.headers.get(name.toLowerCase())?.[0] ?? null;
