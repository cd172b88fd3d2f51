import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api } = useApi({ worker: true });

const local = (email: string) => email.split('@')[0]!;

describe('@mentions in internal notes', () => {
  it('notify each mentioned colleague once through the outbox and the worker; customers never resolve', async () => {
    const rest = restClient(api.url);
    const customer = await createUser(api.url, 'customer', { name: 'Cora Customer' });
    const author = await createUser(api.url, 'agent', { name: 'Ari Author' });
    const colleague = await createUser(api.url, 'agent', { name: 'Mia Mentioned' });
    const manager = await createUser(api.url, 'manager', { name: 'Max Manager' });
    const { body: ticket } = await rest.post('/tickets', { subject: 'Refund please', description: 'x' }, customer.token);

    const text = `@${local(colleague.email)} can you check? Also @${local(customer.email)} and @${local(manager.email)}, ` +
      `again @${local(colleague.email)}.`;
    const { status, body: note } = await rest.post(`/tickets/${ticket.id}/replies`, { body: text, internal: true }, author.token);
    expect(status).toBe(200);
    expect(note.mentions).toEqual(
      expect.arrayContaining([
        { id: colleague.id, name: 'Mia Mentioned' },
        { id: manager.id, name: 'Max Manager' },
      ]),
    );
    expect(note.mentions).toHaveLength(2);
    expect(note.bodyHtml).toContain(`<span class="sb-mention">@${local(colleague.email)}</span>`);
    expect(note.bodyHtml).not.toContain(`<span class="sb-mention">@${local(customer.email)}</span>`);

    // The timeline marks them too; the customer never sees the note at all.
    const { body: staffView } = await rest.get(`/tickets/${ticket.id}/timeline?kinds=note`, author.token);
    expect(staffView.entries[0].mentions.map((m: { id: number }) => m.id).sort()).toEqual([colleague.id, manager.id].sort());
    const { body: customerView } = await rest.get(`/tickets/${ticket.id}/timeline`, customer.token);
    expect(JSON.stringify(customerView)).not.toContain('can you check');

    const events = await sql<{ id: number }>(
      "SELECT id FROM outbox_events WHERE topic = 'note.mention' AND JSON_EXTRACT(payload, '$.entryId') = ?",
      [note.id],
    );
    expect(events).toHaveLength(2);
    const messages = await eventually(async () => {
      const rows = await sql<{ recipient: string; subject: string; body: string; channel: string }>(
        'SELECT recipient, subject, body, channel FROM outbound_messages WHERE ticket_id = ? AND outbox_event_id IN (?)',
        [ticket.id, events.map((e) => e.id)],
      );
      return rows.length >= 2 ? rows : null;
    });
    expect(messages.map((m) => m.recipient).sort()).toEqual([colleague.email, manager.email].sort());
    const toColleague = messages.find((m) => m.recipient === colleague.email)!;
    expect(toColleague).toMatchObject({ channel: 'email', subject: `[#${ticket.id}] Ari Author mentioned you: Refund please` });
    expect(toColleague.body).toContain('can you check?');

    // Nothing ever goes to the customer or the author about this note.
    const all = await sql<{ recipient: string }>('SELECT recipient FROM outbound_messages WHERE ticket_id = ?', [ticket.id]);
    expect(all.filter((m) => m.recipient === colleague.email)).toHaveLength(1);
    expect(all.filter((m) => m.recipient === author.email)).toHaveLength(0);
    expect(all.filter((m) => m.recipient === customer.email)).toHaveLength(1); // the ticket acknowledgement only
    const stored = await sql<{ user_id: number }>('SELECT user_id FROM ticket_entry_mentions WHERE entry_id = ?', [note.id]);
    expect(stored.map((r) => r.user_id)).not.toContain(customer.id);
  });

  it('public replies and ambiguous tokens mention nobody', async () => {
    const rest = restClient(api.url);
    const customer = await createUser(api.url, 'customer');
    const agent = await createUser(api.url, 'agent');
    const other = await createUser(api.url, 'agent');
    const { body: ticket } = await rest.post('/tickets', { subject: 'Public', description: 'x' }, customer.token);
    const reply = await rest.post(`/tickets/${ticket.id}/replies`, { body: `cc @${local(other.email)}` }, agent.token);
    expect(reply.body.mentions).toEqual([]);
    // "@agent-" is the start of every test agent's address: ambiguous, so nobody.
    const note = await rest.post(`/tickets/${ticket.id}/replies`, { body: 'ping @agent-', internal: true }, agent.token);
    expect(note.body.mentions).toEqual([]);
    const rows = await sql(
      "SELECT id FROM outbox_events WHERE topic = 'note.mention' AND JSON_EXTRACT(payload, '$.ticketId') = ?",
      [ticket.id],
    );
    expect(rows).toHaveLength(0);
  });
});
