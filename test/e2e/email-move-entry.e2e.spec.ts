import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { postInbound, rawForm } from '../support/inbound-email.js';
import { simpleMail, type SimpleMail } from '../support/mime.js';
import { createUser } from '../support/people.js';

const SECRET = 'inbound-secret-for-moves-1';
const { api } = useApi({ worker: true, env: { SENDGRID_INBOUND_SECRET: SECRET, SUPPORT_EMAIL: 'support@acme.test' } });
let agent: Awaited<ReturnType<typeof createUser>>;
const rest = () => restClient(api.url);

beforeAll(async () => {
  agent = await createUser(api.url, 'agent', { name: 'Ana Agent' });
});

async function receive(mail: SimpleMail) {
  const { mime, messageId } = simpleMail(mail);
  const res = await postInbound(api.url, rawForm(mime, { envelope: { to: ['support@acme.test'], from: mail.from } }), { secret: SECRET });
  expect(res.status).toBe(200);
  return eventually(async () => {
    const [row] = await sql<{ status: string; ticket_id: number; ticket_entry_id: number; route: string }>(
      'SELECT status, ticket_id, ticket_entry_id, route FROM inbound_emails WHERE message_id = ?',
      [messageId],
    );
    return row && row.status === 'processed' ? { ...row, messageId } : null;
  }, 15_000);
}

const timeline = async (ticketId: number, token = agent.token) =>
  (await rest().get(`/tickets/${ticketId}/timeline`, token)).body.entries as { id: number; kind: string; body: string; event: { field: string; to: string } | null }[];

describe('moving and splitting an emailed message', () => {
  it('moves a message that threaded onto the wrong ticket; both timelines show the move and the reason, and later replies follow it', async () => {
    const customer = uniqueEmail('mover');
    const printer = await receive({ from: customer, subject: 'Printer jammed', text: 'Floor 3.' });
    const vpn = await receive({ from: customer, subject: 'VPN down', text: 'Since 9.' });
    // The customer answered the printer thread about the VPN.
    const stray = await receive({ from: customer, subject: `Re: Printer jammed [#${printer.ticket_id}]`, text: 'Also the VPN: still down.' });
    expect(stray.ticket_id).toBe(printer.ticket_id);

    const bad = await rest().post(`/tickets/${printer.ticket_id}/move-entry`, { entryId: stray.ticket_entry_id, targetId: printer.ticket_id }, agent.token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^targetId:/);
    const moved = await rest().post(
      `/tickets/${printer.ticket_id}/move-entry`,
      { entryId: stray.ticket_entry_id, targetId: vpn.ticket_id, reason: 'about the VPN, not the printer' },
      agent.token,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.id).toBe(vpn.ticket_id);

    const source = await timeline(printer.ticket_id);
    expect(source.map((e) => e.id)).not.toContain(stray.ticket_entry_id);
    expect(source).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'event', body: 'about the VPN, not the printer', event: expect.objectContaining({ field: 'moved_out', to: `#${vpn.ticket_id}` }) })]));
    const target = await timeline(vpn.ticket_id);
    expect(target.map((e) => e.id)).toContain(stray.ticket_entry_id);
    expect(target).toEqual(expect.arrayContaining([expect.objectContaining({ event: expect.objectContaining({ field: 'moved_in', to: `#${printer.ticket_id}` }) })]));

    // Staff see where it came from and why under the entry (the email module follows the move's event).
    const routes = await eventually(async () => {
      const res = await rest().get(`/tickets/${vpn.ticket_id}/email-routes`, agent.token);
      return res.body.some((r: { route: string }) => r.route === 'moved') ? res : null;
    });
    expect(routes.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ entryId: stray.ticket_entry_id, route: 'moved', reason: `moved from #${printer.ticket_id} by Ana Agent: about the VPN, not the printer` })]),
    );
    // The customer's mail client answers the moved message: it threads to where the message is now.
    const followUp = await receive({ from: customer, subject: 'Re: VPN', inReplyTo: stray.messageId, text: 'Working now.' });
    expect(followUp).toMatchObject({ route: 'in_reply_to', ticket_id: vpn.ticket_id });
  });

  it('splits a message into a new linked ticket with a reason; replies to it thread there', async () => {
    const customer = uniqueEmail('splitter');
    const first = await receive({ from: customer, subject: 'Laptop slow', text: 'Very slow.' });
    const second = await receive({ from: customer, subject: `Re: Laptop slow [#${first.ticket_id}]`, text: 'New topic: I need a second monitor.' });
    expect(second.ticket_id).toBe(first.ticket_id);

    const split = await rest().post(`/tickets/${first.ticket_id}/split`, { entryId: second.ticket_entry_id, subject: 'Second monitor', reason: 'separate request' }, agent.token);
    expect(split.status).toBe(200);
    const fresh = split.body.id as number;
    const source = await timeline(first.ticket_id);
    expect(source).toEqual(expect.arrayContaining([expect.objectContaining({ body: 'separate request', event: expect.objectContaining({ field: 'split_into', to: `#${fresh}` }) })]));
    const routes = await eventually(async () => {
      const res = await rest().get(`/tickets/${fresh}/email-routes`, agent.token);
      return res.body.length ? res : null;
    });
    expect(routes.body).toEqual([expect.objectContaining({ entryId: second.ticket_entry_id, route: 'split', reason: `split off from #${first.ticket_id} by Ana Agent: separate request` })]);
    const reply = await receive({ from: customer, subject: 'Re: monitor', inReplyTo: second.messageId, text: '27 inch please' });
    expect(reply).toMatchObject({ route: 'in_reply_to', ticket_id: fresh });
  });

  it('is staff work: a customer cannot move their own messages', async () => {
    const customer = await createUser(api.url, 'customer');
    const a = await receive({ from: customer.email, subject: 'One', text: 'x' });
    const b = await receive({ from: customer.email, subject: 'Two', text: 'y' });
    const res = await rest().post(`/tickets/${a.ticket_id}/move-entry`, { entryId: a.ticket_entry_id, targetId: b.ticket_id }, customer.token);
    expect(res.status).toBe(403);
    expect((await timeline(a.ticket_id, customer.token)).map((e) => e.id)).toContain(a.ticket_entry_id);
  });
});

describe('a reply to a finished ticket', () => {
  it('reopens a resolved ticket, but opens a linked follow-up for one closed longer than the reopen window', async () => {
    const customer = uniqueEmail('late');
    const resolved = await receive({ from: customer, subject: 'Mouse broken', text: 'x' });
    await sql("UPDATE tickets SET status = 'resolved', resolved_at = NOW(3) WHERE id = ?", [resolved.ticket_id]);
    const again = await receive({ from: customer, subject: 'Re: Mouse broken', inReplyTo: resolved.messageId, text: 'Broken again.' });
    expect(again).toMatchObject({ route: 'in_reply_to', ticket_id: resolved.ticket_id });
    expect(await sql('SELECT status FROM tickets WHERE id = ?', [resolved.ticket_id])).toEqual([{ status: 'open' }]);

    const closed = await receive({ from: customer, subject: 'Keyboard sticky', text: 'y' });
    await sql("UPDATE tickets SET status = 'closed', closed_at = NOW(3) - INTERVAL 30 DAY WHERE id = ?", [closed.ticket_id]);
    const late = await receive({ from: customer, subject: 'Re: Keyboard sticky', inReplyTo: closed.messageId, text: 'Sticky again.' });
    expect(late.route).toBe('follow_up');
    expect(late.ticket_id).not.toBe(closed.ticket_id);
    expect(await sql('SELECT status FROM tickets WHERE id = ?', [closed.ticket_id])).toEqual([{ status: 'closed' }]);
    const links = await rest().get(`/tickets/${late.ticket_id}/links`, agent.token);
    expect(links.body.links).toEqual([expect.objectContaining({ kind: 'follow_up', ticket: expect.objectContaining({ id: closed.ticket_id }) })]);
  });
});

describe('the original of an emailed message', () => {
  it('gives staff the whole mail, quoted history and signature the timeline folded away; customers get none of it', async () => {
    const customer = await createUser(api.url, 'customer');
    const first = await receive({ from: customer.email, subject: 'Scanner', text: 'Scanner is offline.' });
    const answer = await receive({
      from: customer.email,
      subject: `Re: Scanner [#${first.ticket_id}]`,
      text: 'Restarted it, still offline.\n\n-- \nCarl Customer\nACME Ltd\n\nOn Sun, Ana wrote:\n> Please restart it.',
    });
    const [entry] = await sql<{ body: string }>('SELECT body FROM ticket_entries WHERE id = ?', [answer.ticket_entry_id]);
    expect(entry!.body).toBe('Restarted it, still offline.');

    const original = await rest().get(`/tickets/${first.ticket_id}/email-original/${answer.ticket_entry_id}`, agent.token);
    expect(original.status).toBe(200);
    expect(original.body).toMatchObject({ entryId: answer.ticket_entry_id, from: customer.email, to: ['support@acme.test'], visible: 'Restarted it, still offline.' });
    expect(original.body.folded).toContain('Carl Customer');
    expect(original.body.folded).toContain('> Please restart it.');
    expect(original.body.text).toContain('On Sun, Ana wrote:');

    expect((await rest().get(`/tickets/${first.ticket_id}/email-original/${answer.ticket_entry_id}`, customer.token)).status).toBe(403);
    const reply = await rest().post(`/tickets/${first.ticket_id}/replies`, { body: 'Not by mail' }, agent.token);
    const notEmailed = await rest().get(`/tickets/${first.ticket_id}/email-original/${reply.body.id}`, agent.token);
    expect(notEmailed.status).toBe(404);
    expect(notEmailed.body.message).toMatch(/^entryId:/);
  });
});
