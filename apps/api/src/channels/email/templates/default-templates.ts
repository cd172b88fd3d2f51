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
  // The wrapper around an agent's reply: by default the reply itself, nothing added.
  reply: {
    subject: '{{ reply.subject }}',
    text: '{{ reply.text }}',
    html: '{{ reply.html | raw }}',
  },
  resolved: {
    subject: '[#{{ ticket.id }}] Your request was resolved: {{ ticket.subject }}',
    text:
      'Hello {{ requester.name }},\n\n' +
      'your request #{{ ticket.id }} ("{{ ticket.subject }}") was resolved. ' +
      'If the problem is not solved, just reply to this message and the ticket reopens.\n',
    html: null,
  },
  csat: {
    subject: '[#{{ ticket.id }}] How did we do?',
    text:
      'Hello {{ requester.name }},\n\n' +
      'your request #{{ ticket.id }} was resolved. How satisfied are you with the help you got?\n\n' +
      '{% for link in rating.links %}{{ link.score }} ({{ link.label }}): {{ link.url }}\n{% endfor %}' +
      '\nIf the problem is not solved, just reply to this message and the ticket reopens.\n',
    html: null,
  },
};

const FACES = ['', 'very poor', 'poor', 'okay', 'good', 'excellent'];
export const ratingLabel = (score: number) => FACES[score] ?? String(score);

/** Sample data for the editor's preview: every variable any template kind can use. */
export const SAMPLE_VARS = {
  ticket: { id: 1234, subject: 'Printer on floor 3 is jammed' },
  requester: { name: 'Robin Requester' },
  company: { name: 'Acme Ltd' },
  agent: { name: 'Ana Agent' },
  reply: {
    subject: '[#1234] Re: Printer on floor 3 is jammed',
    text: 'Hello Robin,\n\nwe cleared the jam; it prints again.\n\nAna',
    html: '<p>Hello Robin,</p><p>we cleared the jam; it prints again.</p><p>Ana</p>',
  },
  rating: { links: [1, 2, 3, 4, 5].map((score) => ({ score, label: ratingLabel(score), url: `https://portal.example/rate/sample?score=${score}` })) },
};
