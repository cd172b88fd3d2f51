import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { parsedForm, postInbound, rawForm } from '../support/inbound-email.js';
import { htmlMail } from '../support/mime.js';
import { createUser } from '../support/people.js';

/** Inbound HTML mail through the real webhook: stored sanitized, quoted history and signature folded, text unchanged (docs/decisions/022). */
const SECRET = 'inbound-secret-for-html-bodies';
const html = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/email/html', name), 'utf8');
const { api } = useApi({ worker: true, env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test' } });
let rest: ReturnType<typeof restClient>;

beforeAll(() => {
  rest = restClient(api.url);
});

type Mode = 'raw' | 'parsed';
interface Entry {
  id: number;
  body: string;
  bodyHtml: string;
}

/** Posts the message as SendGrid would and waits until the worker applied it. */
async function receive(mode: Mode, mail: { mime: Buffer; messageId: string }, from: string) {
  const options = { envelope: { to: ['support@acme.test'], from } };
  const res = await postInbound(api.url, mode === 'raw' ? rawForm(mail.mime, options) : await parsedForm(mail.mime, options), { secret: SECRET });
  expect(res.status).toBe(200);
  return eventually(async () => {
    const [r] = await sql<{ status: string; ticket_id: number; ticket_entry_id: number }>(
      'SELECT status, ticket_id, ticket_entry_id FROM inbound_emails WHERE message_id = ?',
      [mail.messageId],
    );
    return r?.status === 'processed' ? r : null;
  }, 15_000);
}

/** The entry as the timeline gives it to `token`, and the HTML stored in its row. */
async function entry(ticketId: number, entryId: number, token: string) {
  const timeline = await rest.get(`/tickets/${ticketId}/timeline`, token);
  expect(timeline.status).toBe(200);
  const found = (timeline.body.entries as Entry[]).find((e) => e.id === entryId)!;
  const [row] = await sql<{ body_html: string | null }>('SELECT body_html FROM ticket_entries WHERE id = ?', [entryId]);
  return { ...found, stored: row!.body_html };
}

const DETAILS = /<details class="quoted"><summary>([^<]*)<\/summary>([\s\S]*?)<\/details>/g;
const visiblePart = (html: string) => html.replace(DETAILS, '');
const foldedParts = (html: string) => [...html.matchAll(DETAILS)].map((m) => ({ summary: m[1], html: m[2]! }));

function assertNothingUnsafe(html: string) {
  expect(html).not.toMatch(/<(script|style|iframe|form|svg|head)\b/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/<img\b(?![^>]*src="cid:)/i);
  expect(html).not.toMatch(/https?:\/\/(tracker|cdn|ci3\.googleusercontent)/i);
}

const OUTLOOK_TEXT = [
  'Hi Ana,',
  '',
  'The numbers look fine now, thank you.',
  '',
  'Olga',
  '',
  'From: Acme Support <support@acme.test>',
  'Sent: Sunday, November 22, 2026 10:00 AM',
  'Subject: RE: Quarterly report',
  '',
  'Hello Olga, could you check the numbers in the attached report?',
].join('\n');

const GMAIL_TEXT = [
  'Thanks, restarting the sync agent fixed it.',
  'The invoices show up again.',
  '',
  '-- ',
  'Gina Gmail',
  'Head of Finance, Client Corp',
  '',
  'On Sun, Nov 22, 2026 at 10:00 AM Acme Support <support@acme.test> wrote:',
  '> Hello Gina,',
  '>',
  '> please restart the sync agent and tell us whether the invoices come back.',
].join('\n');

describe.each(['raw', 'parsed'] as const)('inbound HTML mail in %s mode', (mode) => {
  it('stores a new ticket’s first message and a reply as sanitized HTML with the quote folded, for agent and customer alike, and keeps the plain text as before', async () => {
    const customer = await createUser(api.url, 'customer', { name: 'Olga Outlook' });
    const agent = await createUser(api.url, 'agent');

    // A new ticket from Outlook desktop: the visible part shown, the "From:" block and history folded.
    const first = await receive(mode, htmlMail({ from: `Olga Outlook <${customer.email}>`, subject: 'RE: Quarterly report', text: OUTLOOK_TEXT, html: html('outlook-desktop-reply.html') }), customer.email);
    for (const viewer of [agent, customer]) {
      const opened = await entry(first.ticket_id, first.ticket_entry_id, viewer.token);
      // A new ticket's text is the whole text part, as it always was.
      expect(opened.body).toBe(OUTLOOK_TEXT);
      expect(visiblePart(opened.bodyHtml)).toContain('<p>The numbers look fine now, thank you.</p>');
      expect(visiblePart(opened.bodyHtml)).not.toContain('could you check the numbers');
      const [folded, ...more] = foldedParts(opened.bodyHtml);
      expect(more).toEqual([]);
      expect(folded!.summary).toBe('Quoted text');
      expect(folded!.html).toContain('<b>From:</b> Acme Support &lt;support@acme.test&gt;');
      expect(folded!.html).toContain('<p>Hello Olga, could you check the numbers in the attached report?</p>');
      expect(opened.bodyHtml).not.toContain('<details class="quoted" open');
      assertNothingUnsafe(opened.bodyHtml);
      // What is stored is what is shown (sanitizing again on the way out changes nothing).
      expect(opened.stored).toBe(opened.bodyHtml);
    }

    // The customer's reply from Gmail threads onto the ticket: signature and quote folded, remote logo gone.
    const reply = await receive(
      mode,
      htmlMail({ from: `Olga Outlook <${customer.email}>`, subject: `Re: Quarterly report [#${first.ticket_id}]`, text: GMAIL_TEXT, html: html('gmail-reply.html') }),
      customer.email,
    );
    expect(reply.ticket_id).toBe(first.ticket_id);
    for (const viewer of [agent, customer]) {
      const answered = await entry(reply.ticket_id, reply.ticket_entry_id, viewer.token);
      // The reply's text keeps its text-part folding, not text derived from the HTML.
      expect(answered.body).toBe('Thanks, restarting the sync agent fixed it.\nThe invoices show up again.');
      expect(visiblePart(answered.bodyHtml)).toContain('Thanks, restarting the sync agent fixed it.<div>The invoices show up again.</div>');
      expect(foldedParts(answered.bodyHtml).map((f) => f.summary)).toEqual(['Signature', 'Quoted text']);
      expect(foldedParts(answered.bodyHtml)[0]!.html).toContain('Gina Gmail');
      expect(foldedParts(answered.bodyHtml)[0]!.html).toContain('[Client Corp]');
      expect(foldedParts(answered.bodyHtml)[1]!.html).toContain('please restart the sync agent');
      expect(visiblePart(answered.bodyHtml)).not.toMatch(/Gina Gmail|please restart/);
      assertNothingUnsafe(answered.bodyHtml);
      expect(answered.stored).toBe(answered.bodyHtml);
    }
  });

  it('never stores script, forms, handlers or images from outside, also for HTML-only mail, and shows a bare forward whole', async () => {
    const customer = await createUser(api.url, 'customer');
    const hostile = await receive(mode, htmlMail({ from: customer.email, subject: 'Reset please', text: null, html: html('hostile.html') }), customer.email);
    const shown = await entry(hostile.ticket_id, hostile.ticket_entry_id, customer.token);
    assertNothingUnsafe(shown.stored!);
    expect(shown.stored).not.toMatch(/steal|javascript:|data:image/);
    expect(shown.bodyHtml).toContain('<p>Please reset my <b>password</b>.</p>');
    expect(shown.bodyHtml).toContain('[Spring sale banner]');
    // Without a text part the text is derived from the HTML, as before.
    expect(shown.body).toContain('Please reset my password.');
    expect(shown.body).not.toContain('steal');

    const forward = await receive(mode, htmlMail({ from: customer.email, subject: 'Fwd: Disk almost full', text: null, html: html('gmail-forward-only.html') }), customer.email);
    const whole = await entry(forward.ticket_id, forward.ticket_entry_id, customer.token);
    expect(whole.bodyHtml).not.toContain('<details');
    expect(whole.bodyHtml).toContain('Disk /var is 97% full on db-2.');
  });

  it('gives the follow-up a reply to a long-closed ticket opens the same folded HTML and text', async () => {
    const customer = await createUser(api.url, 'customer');
    const closed = await receive(mode, htmlMail({ from: customer.email, subject: 'Invoices missing', text: 'The invoices are gone.', html: '<p>The invoices are gone.</p>' }), customer.email);
    await sql("UPDATE tickets SET status = 'closed', closed_at = NOW(3) - INTERVAL 30 DAY WHERE id = ?", [closed.ticket_id]);
    const late = await receive(mode, htmlMail({ from: customer.email, subject: `Re: Invoices missing [#${closed.ticket_id}]`, text: GMAIL_TEXT, html: html('gmail-reply.html') }), customer.email);
    expect(late.ticket_id).not.toBe(closed.ticket_id);
    const shown = await entry(late.ticket_id, late.ticket_entry_id, customer.token);
    expect(shown.body).toBe('Thanks, restarting the sync agent fixed it.\nThe invoices show up again.');
    expect(foldedParts(shown.stored!).map((f) => f.summary)).toEqual(['Signature', 'Quoted text']);
  });

  it('keeps a huge HTML newsletter off the timeline: the entry shows its text', async () => {
    const customer = await createUser(api.url, 'customer');
    const rows = '<tr><td style="padding:8px">Spring sale on everything in the shop, only this week!</td></tr>'.repeat(3000);
    const big = await receive(
      mode,
      htmlMail({ from: customer.email, subject: 'Newsletter', text: 'Spring sale on everything.', html: `<html><body><table>${rows}</table></body></html>` }),
      customer.email,
    );
    const shown = await entry(big.ticket_id, big.ticket_entry_id, customer.token);
    expect(shown.stored).toBeNull();
    expect(shown.body).toBe('Spring sale on everything.');
    expect(shown.bodyHtml).toBe('<p>Spring sale on everything.</p>');
  });
});
