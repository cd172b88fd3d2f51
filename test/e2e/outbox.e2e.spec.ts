import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api } = useApi({ worker: true });

describe('transactional outbox: ticket created -> worker -> local outbox', () => {
  it('writes the outbox row with the ticket, relays it through Bull and records the acknowledgement once', async () => {
    const customer = await createUser(api.url, 'customer', { name: 'Olga Outbox' });
    const agent = await createUser(api.url, 'agent');
    const rest = restClient(api.url);
    const { body: ticket } = await rest.post('/tickets', { subject: 'Where is my parcel?', description: 'x' }, customer.token);

    const [event] = await sql<{ id: number; topic: string }>(
      "SELECT id, topic FROM outbox_events WHERE JSON_EXTRACT(payload, '$.ticketId') = ?",
      [ticket.id],
    );
    expect(event.topic).toBe('ticket.created');

    const done = await eventually(async () => {
      const [row] = await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [event.id]);
      return row?.status === 'done' ? row : null;
    });
    expect(done.status).toBe('done');

    const messages = await sql<{ recipient: string; subject: string; status: string; body: string }>(
      'SELECT recipient, subject, status, body FROM outbound_messages WHERE ticket_id = ?',
      [ticket.id],
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      recipient: customer.email,
      subject: `[#${ticket.id}] We received your request: Where is my parcel?`,
      status: 'local',
    });
    expect(messages[0].body).toContain('Hello Olga Outbox');

    // The workspace's outbox page reads it through the API.
    const outbox = await rest.get('/outbox?pageSize=100', agent.token);
    expect(outbox.body.items.some((m: { ticketId: number }) => m.ticketId === ticket.id)).toBe(true);
  });

  it('a relay that runs twice for the same row records the message only once', async () => {
    const customer = await createUser(api.url, 'customer');
    const rest = restClient(api.url);
    const { body: ticket } = await rest.post('/tickets', { subject: 'Twice', description: 'x' }, customer.token);
    const [event] = await sql<{ id: number }>("SELECT id FROM outbox_events WHERE JSON_EXTRACT(payload, '$.ticketId') = ?", [ticket.id]);
    await eventually(async () => (await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [event.id]))[0]?.status === 'done');

    // Simulate a lost acknowledgement: the row goes back to pending and is relayed again.
    await sql("UPDATE outbox_events SET status = 'pending' WHERE id = ?", [event.id]);
    await eventually(async () => (await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [event.id]))[0]?.status === 'done');
    const messages = await sql('SELECT id FROM outbound_messages WHERE outbox_event_id = ?', [event.id]);
    expect(messages).toHaveLength(1);
  });
});
