import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { parsedForm, postInbound, rawForm } from '../support/inbound-email.js';
import { FIXTURES, type FixtureExpectation } from '../fixtures/email/expectations.js';

const SECRET = 'inbound-secret-for-fixtures-1';
const DIR = join(import.meta.dirname, '../fixtures/email');
const { api } = useApi({ worker: true, env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test', INBOUND_SPAM_SCORE: '5' } });

/**
 * The fixture with a Message-ID and sender of this replay's own (the same message in raw and in
 * parsed mode would otherwise be one message, and one sender's messages would thread together).
 */
function personalize(fixture: FixtureExpectation, tag: string) {
  const text = readFileSync(join(DIR, fixture.file)).toString('latin1');
  let out = text.replace(/^(Message-ID:\s*<)([^@>]+)@/im, `$1$2.${tag}@`);
  let sender = /^From:.*<([^>]+)>/im.exec(out)?.[1]?.toLowerCase() ?? null;
  if (!fixture.keepFrom && sender) {
    const unique = sender.replace('@', `.${tag}@`);
    out = out.replace(/^(From:.*<)([^>]+)(>)/im, `$1${unique}$3`);
    sender = unique;
  }
  return { mime: Buffer.from(out, 'latin1'), sender: sender!, messageId: /^Message-ID:\s*<([^>]+)>/im.exec(out)![1]!.toLowerCase() };
}

describe.each(['raw', 'parsed'] as const)('every fixture through the webhook in %s mode', (mode) => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s', async (_file, fixture) => {
    const tag = `${mode}${randomBytes(3).toString('hex')}`;
    const { mime, sender, messageId } = personalize(fixture, tag);
    const options = { envelope: { to: ['support@acme.test'], from: fixture.file.includes('return-path') || fixture.outcome === 'bounce' ? '' : sender }, spamScore: fixture.spamScore };
    const form = mode === 'raw' ? rawForm(mime, options) : await parsedForm(mime, options);
    if (mode === 'parsed' && fixture.textCharset) {
      const charsets = JSON.parse(String(form.find((p) => p.name === 'charsets')!.value));
      expect(charsets.text).toBe(fixture.textCharset);
    }
    const res = await postInbound(api.url, form, { secret: SECRET });
    expect(res.status).toBe(200);

    const row = await eventually(async () => {
      const [r] = await sql<{ status: string; route: string | null; route_reason: string | null; ticket_id: number | null; ticket_entry_id: number | null; failure_reason: string | null }>(
        'SELECT status, route, route_reason, ticket_id, ticket_entry_id, failure_reason FROM inbound_emails WHERE message_id = ?',
        [messageId],
      );
      return r && !['received', 'processing'].includes(r.status) ? r : null;
    }, 15_000);

    const senderTickets = await sql<{ id: number }>('SELECT t.id FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = ?', [sender]);
    if (fixture.outcome !== 'ticket') {
      expect(senderTickets).toHaveLength(0);
      if (fixture.outcome === 'bounce') expect(row).toMatchObject({ status: 'processed', route: 'bounce' });
      else expect(row.status).toBe(fixture.outcome);
      return;
    }
    expect(row).toMatchObject({ status: 'processed', route: 'new' });
    expect(senderTickets.map((t) => Number(t.id))).toEqual([Number(row.ticket_id)]);
    const [ticket] = await sql<{ subject: string; channel: string; name: string }>(
      'SELECT t.subject, t.channel, u.name FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = ?',
      [row.ticket_id],
    );
    expect(ticket!.channel).toBe('email');
    if (fixture.subject) expect(ticket!.subject).toBe(fixture.subject);
    if (fixture.senderName) expect(ticket!.name).toBe(fixture.senderName);
    const [entry] = await sql<{ body: string; body_html: string | null; kind: string }>('SELECT body, body_html, kind FROM ticket_entries WHERE id = ?', [row.ticket_entry_id]);
    expect(entry!.kind).toBe('message');
    for (const part of fixture.body ?? []) expect(entry!.body).toContain(part);
    for (const part of fixture.notBody ?? []) expect(entry!.body).not.toContain(part);
    if (fixture.html === null) expect(entry!.body_html).toBeNull();
    if (fixture.html) {
      // An HTML message stores its display HTML, quoted history and signature folded (docs/decisions/022).
      const stored = entry!.body_html ?? '';
      const folds = [...stored.matchAll(/<details class="quoted"><summary>[^<]*<\/summary>([\s\S]*?)<\/details>/g)].map((m) => m[1]).join('');
      const visible = stored.replace(/<details class="quoted">[\s\S]*?<\/details>/g, '');
      for (const part of fixture.html.visible) expect(visible).toContain(part);
      for (const part of fixture.html.folded ?? []) {
        expect(folds).toContain(part);
        expect(visible).not.toContain(part);
      }
      for (const part of fixture.html.absent ?? []) expect(stored).not.toContain(part);
    }
    const files = await sql<{ filename: string; size: number }>('SELECT filename, size FROM attachments WHERE ticket_entry_id = ? ORDER BY id', [row.ticket_entry_id]);
    expect(files.map((f) => f.filename).sort()).toEqual([...(fixture.attachments ?? [])].sort());
    for (const name of fixture.skipped ?? []) expect(row.route_reason).toContain(name);
    if (fixture.cc) {
      const cc = await sql<{ email: string }>('SELECT email FROM ticket_email_participants WHERE ticket_id = ?', [row.ticket_id]);
      expect(cc.map((c) => c.email).sort()).toEqual([...fixture.cc].sort());
    }
    const ack = await eventually(async () => {
      const [m] = await sql<{ status: string }>('SELECT status FROM outbound_messages WHERE recipient = ? AND ticket_id = ?', [sender, row.ticket_id]);
      return m ?? null;
    });
    expect(ack.status).toBe(fixture.noAck ? 'suppressed' : 'local');
  });
});
