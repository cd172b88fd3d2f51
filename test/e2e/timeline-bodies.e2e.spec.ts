import { createApiClient } from '@switchboard/trpc-client';
import { startApi, type RunningApi } from '../support/api.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

let api: RunningApi;
let rest: ReturnType<typeof restClient>;
let customer: { token: string };
let agent: { token: string };

beforeAll(async () => {
  api = await startApi();
  rest = restClient(api.url);
  customer = await createUser(api.url, 'customer');
  agent = await createUser(api.url, 'agent');
});
afterAll(() => api.close());

/** What must never reach a browser as HTML. */
const FORBIDDEN = [/<script/i, /onerror\s*=/i, /javascript:/i, /<iframe/i, /<img/i, /<style/i, /onclick\s*=/i, /<svg/i];

const HOSTILE_HTML: Array<[string, string, string]> = [
  // [what, bodyHtml, the plain text that must survive]
  ['script tag', '<p>Hello<script>alert(document.cookie)</script> there</p>', 'Hello there'],
  ['img onerror', '<p>pic <img src="x" onerror="alert(1)"></p>', 'pic'],
  ['javascript: link', '<p><a href="javascript:alert(1)">click me</a></p>', 'click me'],
  ['obfuscated javascript: link', '<a href="jav&#x09;ascript:alert(1)">tab</a>', 'tab'],
  ['iframe', '<iframe src="https://evil.test/"></iframe><p>after frame</p>', 'after frame'],
  ['event handler on an allowed tag', '<p onclick="steal()" style="background:url(x)">styled</p>', 'styled'],
  ['svg with script', '<svg onload="alert(1)"><script>alert(2)</script></svg><b>svg gone</b>', 'svg gone'],
  ['style block', '<style>body{display:none}</style><em>visible</em>', 'visible'],
];

async function everyView(ticketId: number) {
  const client = createApiClient({ url: api.url, token: customer.token });
  const staff = createApiClient({ url: api.url, token: agent.token });
  return JSON.stringify([
    (await rest.get(`/tickets/${ticketId}/timeline`, customer.token)).body,
    (await rest.get(`/tickets/${ticketId}/timeline`, agent.token)).body,
    await client.tickets.timeline.query({ id: ticketId }),
    await staff.tickets.timeline.query({ id: ticketId, limit: 1 }),
  ]);
}

describe('timeline bodies: sanitized HTML and plain text', () => {
  it.each(HOSTILE_HTML)('%s never comes back from any endpoint', async (_what, bodyHtml, text) => {
    const { body: ticket } = await rest.post('/tickets', { subject: 'Hostile', description: 'x' }, customer.token);
    const reply = await rest.post(`/tickets/${ticket.id}/replies`, { bodyHtml }, agent.token);
    expect(reply.status).toBe(200);
    expect(reply.body.body).toBe(text);
    const everything = JSON.stringify(reply.body) + (await everyView(ticket.id));
    for (const pattern of FORBIDDEN) expect(everything).not.toMatch(pattern);
    expect(everything).toContain(text);
  });

  it('keeps basic formatting and makes links safe', async () => {
    const { body: ticket } = await rest.post('/tickets', { subject: 'Formatting', description: 'x' }, customer.token);
    const { body } = await rest.post(
      `/tickets/${ticket.id}/replies`,
      { bodyHtml: '<p><strong>Bold</strong> and <a href="https://docs.example.test/a">the docs</a></p><ul><li>one</li></ul>' },
      agent.token,
    );
    expect(body.bodyHtml).toBe(
      '<p><strong>Bold</strong> and <a href="https://docs.example.test/a" rel="noopener noreferrer nofollow" target="_blank">the docs</a></p><ul><li>one</li></ul>',
    );
    expect(body.body).toBe('Bold and the docs\n\n- one');
  });

  it('plain text stays text: escaped into paragraphs in bodyHtml, never parsed as markup', async () => {
    const text = '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n\nSecond paragraph';
    const { body: ticket } = await rest.post('/tickets', { subject: 'Text', description: text }, customer.token);
    const { body } = await rest.get(`/tickets/${ticket.id}/timeline`, customer.token);
    const [entry] = body.entries;
    expect(entry.body).toBe(text);
    expect(entry.bodyHtml).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;<br />&lt;img src=x onerror=alert(1)&gt;</p><p>Second paragraph</p>',
    );
    expect(entry.bodyHtml).not.toMatch(/<script|<img/i);
  });

  it('refuses HTML with nothing left once sanitized, naming the field', async () => {
    const { body: ticket } = await rest.post('/tickets', { subject: 'Empty', description: 'x' }, customer.token);
    const res = await rest.post(`/tickets/${ticket.id}/replies`, { bodyHtml: '<script>alert(1)</script>' }, agent.token);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^bodyHtml:/);
    const none = await rest.post(`/tickets/${ticket.id}/replies`, {}, agent.token);
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/body: is required/);
  });
});
