import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api } = useApi({ worker: true });

describe('a staff reply goes back to the customer through the outbox', () => {
  it('queues one ticket.reply per public reply and, on a portal ticket, emails the requester once', async () => {
    const customer = await createUser(api.url, 'customer', { name: 'Rita Reply' });
    const agent = await createUser(api.url, 'agent', { name: 'Ana Agent' });
    const rest = restClient(api.url);
    const { body: ticket } = await rest.post('/tickets', { subject: 'Printer on fire', description: 'Help' }, customer.token);

    expect((await rest.post(`/tickets/${ticket.id}/replies`, { body: 'Unplug it first.' }, agent.token)).status).toBe(200);
    // Neither an internal note nor the customer's own message is sent back to the customer.
    expect((await rest.post(`/tickets/${ticket.id}/replies`, { body: 'Fire dept?', internal: true }, agent.token)).status).toBe(200);
    expect((await rest.post(`/tickets/${ticket.id}/replies`, { body: 'Done, thanks' }, customer.token)).status).toBe(200);

    const events = await sql<{ id: number }>(
      "SELECT id FROM outbox_events WHERE topic = 'ticket.reply' AND JSON_EXTRACT(payload, '$.ticketId') = ?",
      [ticket.id],
    );
    expect(events).toHaveLength(1);

    const message = await eventually(async () => {
      const [row] = await sql<{ recipient: string; subject: string; body: string; status: string }>(
        'SELECT recipient, subject, body, status FROM outbound_messages WHERE outbox_event_id = ?',
        [events[0].id],
      );
      return row ?? null;
    });
    expect(message).toMatchObject({ recipient: customer.email, subject: `[#${ticket.id}] Re: Printer on fire`, status: 'local' });
    expect(message.body).toContain('Ana Agent answered your request');
    expect(message.body).toContain('Unplug it first.');
    const [row] = await sql<{ status: string }>('SELECT status FROM outbox_events WHERE id = ?', [events[0].id]);
    expect(row.status).toBe('done');
  });
});
