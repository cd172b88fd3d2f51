import type { EmailTemplate } from '@switchboard/contracts';

type Body = Pick<EmailTemplate, 'subject' | 'text' | 'html'>;

/** What is sent when neither the company nor the default row was edited. */
export const DEFAULT_TEMPLATES: Record<EmailTemplate['kind'], Body> = {
  acknowledgement: {
    subject: '[#{{ ticket.id }}] We received your request: {{ ticket.subject }}',
    text:
      'Hello {{ requester.name }},\n\n' +
      'thank you for contacting us. Your request #{{ ticket.id }} ("{{ ticket.subject }}") is in our queue ' +
      'and an agent will answer soon. Reply to this message to add anything.\n',
    html: null,
  },
};
