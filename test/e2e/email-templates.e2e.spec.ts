import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { postInbound, rawForm } from '../support/inbound-email.js';
import { simpleMail } from '../support/mime.js';
import { createCompany, createUser } from '../support/people.js';
import type { SentMail } from '../support/sendgrid-server.js';

const SECRET = 'inbound-secret-for-templates-1';
const API_KEY = 'SG.test-key-templates';
const { api, sendgrid } = useApi({ worker: true, sendgrid: { apiKey: API_KEY }, env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test' } });
let agent: Awaited<ReturnType<typeof createUser>>;
let admin: Awaited<ReturnType<typeof createUser>>;
const rest = () => restClient(api.url);
const put = (path: string, body: unknown, token: string) => rest().raw('PUT', `/api/v1${path}`, token, body);

beforeAll(async () => {
  agent = await createUser(api.url, 'agent', { name: 'Ana Agent' });
  admin = await createUser(api.url, 'admin');
});

const sentTo = (address: string, predicate: (m: SentMail) => boolean = () => true) =>
  eventually(async () => sendgrid.sent.find((m) => m.body.personalizations[0]!.to[0]!.email === address && predicate(m)) ?? null, 15_000);
const text = (m: SentMail) => m.body.content.find((c) => c.type === 'text/plain')?.value ?? '';

/** A company with a customer of its own, and an email ticket of theirs. */
async function companyTicket(name: string) {
  const domain = `${Math.random().toString(36).slice(2, 8)}.example.test`;
  const companyId = await createCompany(name, domain);
  const customer = `rita@${domain}`;
  const { mime, messageId } = simpleMail({ from: `Rita Requester <${customer}>`, subject: 'Badge does not open door', text: 'Door 4.' });
  expect((await postInbound(api.url, rawForm(mime, { envelope: { to: ['support@acme.test'], from: customer } }), { secret: SECRET })).status).toBe(200);
  const row = await eventually(async () => {
    const [r] = await sql<{ status: string; ticket_id: number }>('SELECT status, ticket_id FROM inbound_emails WHERE message_id = ?', [messageId]);
    return r?.status === 'processed' ? r : null;
  }, 15_000);
  return { companyId, customer, ticketId: row.ticket_id };
}

describe('email templates per company', () => {
  it('previews a template with sample data, and refuses broken liquid naming the field', async () => {
    const ok = await rest().post(
      '/email/templates/preview',
      { companyId: null, kind: 'csat', enabled: true, subject: 'Rate #{{ ticket.id }}', text: '{% for link in rating.links %}{{ link.score }}={{ link.url }}\n{% endfor %}', html: '<b>{{ requester.name }}</b>' },
      admin.token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.subject).toBe('Rate #1234');
    expect(ok.body.text.split('\n').filter(Boolean)).toHaveLength(5);
    expect(ok.body.html).toBe('<b>Robin Requester</b>');

    const broken = await rest().post('/email/templates/preview', { companyId: null, kind: 'reply', enabled: true, subject: 'x', text: '{% if reply.text %}unclosed', html: null }, admin.token);
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/^text: is not a valid template/);
    const badHtml = await put('/email/templates', { companyId: null, kind: 'resolved', enabled: true, subject: 'x', text: 'y', html: '{{ ticket.id | nosuchfilter }}' }, admin.token);
    expect(badHtml.status).toBe(400);
    expect(badHtml.body.message).toMatch(/^html:/);
    expect((await rest().post('/email/templates/preview', { companyId: null, kind: 'reply', enabled: true, subject: 'x', text: 'y', html: null }, agent.token)).status).toBe(403);
  });

  it('wraps agent replies in the company’s reply template, keeping the thread subject', async () => {
    const { companyId, customer, ticketId } = await companyTicket('Wrapco');
    const saved = await put(
      '/email/templates',
      { companyId, kind: 'reply', enabled: true, subject: '{{ reply.subject }}', text: 'Hi {{ requester.name }},\n\n{{ reply.text }}\n\n-- \n{{ agent.name }}, {{ company.name }} support', html: null },
      admin.token,
    );
    expect(saved.status).toBe(200);
    await rest().post(`/tickets/${ticketId}/replies`, { body: 'Badge re-issued.' }, agent.token);
    const sent = await sentTo(customer, (m) => text(m).includes('Badge re-issued.'));
    expect(sent.body.subject).toBe(`[#${ticketId}] Re: Badge does not open door`);
    expect(text(sent)).toBe('Hi Rita Requester,\n\nBadge re-issued.\n\n-- \nAna Agent, Wrapco support');
  });

  it('asks for a rating with the company’s CSAT template, and sends the resolved notice instead when CSAT is off', async () => {
    const csat = await companyTicket('Rateco');
    await put(
      '/email/templates',
      { companyId: csat.companyId, kind: 'csat', enabled: true, subject: '[#{{ ticket.id }}] Rate {{ company.name }}', text: '{% for link in rating.links %}{{ link.label }}: {{ link.url }}\n{% endfor %}', html: null },
      admin.token,
    );
    const resolve = async (ticketId: number) => {
      const ticket = (await rest().get(`/tickets/${ticketId}`, agent.token)).body;
      const res = await rest().patch(`/tickets/${ticketId}`, { version: ticket.version, status: 'resolved' }, agent.token);
      expect(res.status).toBe(200);
    };
    await resolve(csat.ticketId);
    const rating = await sentTo(csat.customer, (m) => m.body.subject.includes('Rate Rateco'));
    expect(text(rating)).toMatch(/^very poor: http\S+\/rate\/\S+\?score=1\n/);

    const plain = await companyTicket('Quietco');
    await put('/email/templates', { companyId: plain.companyId, kind: 'csat', enabled: false, subject: 'x', text: 'x', html: null }, admin.token);
    await put(
      '/email/templates',
      { companyId: plain.companyId, kind: 'resolved', enabled: true, subject: '[#{{ ticket.id }}] Done: {{ ticket.subject }}', text: 'Resolved for {{ company.name }}.', html: null },
      admin.token,
    );
    await resolve(plain.ticketId);
    const notice = await sentTo(plain.customer, (m) => m.body.subject.includes('Done:'));
    expect(notice.body.subject).toBe(`[#${plain.ticketId}] Done: Badge does not open door`);
    expect(text(notice)).toBe('Resolved for Quietco.');
    expect(sendgrid.sent.some((m) => m.body.personalizations[0]!.to[0]!.email === plain.customer && /rate/i.test(m.body.subject))).toBe(false);
  });
});
