import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { parsedForm, postInbound, rawForm } from '../support/inbound-email.js';
import { createUser } from '../support/people.js';

const SECRET = 'inbound-secret-for-inline-images';
const FIXTURE = join(import.meta.dirname, '../fixtures/email/05-inline-cid-image.eml');
const { api } = useApi({ worker: true, env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test' } });

interface TimelineAnswer {
  entries: { id: number; body: string; bodyHtml: string; attachments?: { id: number; filename: string; contentId?: string; url: string }[] }[];
}

/** The inline-image fixture, sent by `from`, with a Message-ID of its own. */
function fixtureFrom(from: string) {
  const messageId = `inline-${randomBytes(4).toString('hex')}@mail.example.test`;
  const text = readFileSync(FIXTURE, 'latin1')
    .replace(/^From:.*$/im, `From: Ines Inline <${from}>`)
    .replace(/^Message-ID:.*$/im, `Message-ID: <${messageId}>`);
  return { mime: Buffer.from(text, 'latin1'), messageId };
}

describe.each(['raw', 'parsed'] as const)('an inline (cid:) image in %s mode', (mode) => {
  it('is stored with its Content-ID, referenced in place in the entry HTML, and served only to who may read the ticket', async () => {
    const customer = await createUser(api.url, 'customer', { name: 'Ines Inline' });
    const stranger = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const { mime, messageId } = fixtureFrom(customer.email);
    const options = { envelope: { to: ['support@acme.test'], from: customer.email } };
    const res = await postInbound(api.url, mode === 'raw' ? rawForm(mime, options) : await parsedForm(mime, options), { secret: SECRET });
    expect(res.status).toBe(200);
    const row = await eventually(async () => {
      const [r] = await sql<{ status: string; ticket_id: number | null }>('SELECT status, ticket_id FROM inbound_emails WHERE message_id = ?', [messageId]);
      return r && r.status === 'processed' ? r : null;
    }, 15_000);

    const rest = restClient(api.url);
    for (const viewer of [agent, customer]) {
      const timeline = await rest.get(`/tickets/${row.ticket_id}/timeline`, viewer.token);
      expect(timeline.status).toBe(200);
      const [first] = (timeline.body as TimelineAnswer).entries;
      expect(first!.body).toContain('See the error:');
      // The HTML keeps the cid: reference (the apps point it at the file); nothing else can be an image source.
      expect(first!.bodyHtml).toMatch(/<img src="cid:shot1@client"/);
      const image = first!.attachments!.find((a) => a.filename === 'screenshot.png')!;
      expect(image.contentId).toBe('shot1@client');

      const bytes = await fetch(`${api.url}${image.url}`, { headers: { authorization: `Bearer ${viewer.token}` } });
      expect(bytes.status).toBe(200);
      expect(bytes.headers.get('content-type')).toBe('image/png');
    }

    const [first] = ((await rest.get(`/tickets/${row.ticket_id}/timeline`, agent.token)).body as TimelineAnswer).entries;
    const image = first!.attachments!.find((a) => a.contentId)!;
    const denied = await fetch(`${api.url}${image.url}`, { headers: { authorization: `Bearer ${stranger.token}` } });
    expect(denied.status).toBe(404);
  });
});
