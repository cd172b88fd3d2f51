import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { PUBLIC_WEBHOOK_BASE, fakeSid, postTwilio } from '../support/twilio-webhooks.js';

/** Approved WhatsApp templates: configured by an admin, sent by an agent outside the 24-hour window, through the real client to the fake. */
const OUR_WHATSAPP = 'whatsapp:+14155238886';
const ORDER_SID = `HX${'0123456789abcdef'.repeat(2)}`;
const HELLO_SID = `HX${'fedcba9876543210'.repeat(2)}`;

const { api, fake } = useTwilioStack('twilio_templates');

const rest = () => restClient(api.url);

async function whatsappTicket(e164: string) {
  const message = { MessageSid: fakeSid('SM'), AccountSid: fake.accountSid, From: `whatsapp:${e164}`, To: OUR_WHATSAPP, Body: 'Where is my order?', NumMedia: '0', ProfileName: 'Marta' };
  expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/messaging', message)).status).toBe(200);
  return eventually(async () => {
    const [row] = await sql<{ ticket_id: number; entry_id: number }>('SELECT ticket_id, entry_id FROM twilio_inbound WHERE sid = ? AND processed_at IS NOT NULL', [message.MessageSid]);
    return row ?? null;
  });
}

it('an admin lists the approved templates; an agent sends one after the 24-hour window, as the template, with its values', async () => {
  const admin = await createUser(api.url, 'admin');
  const agent = await createUser(api.url, 'agent');
  const customer = await createUser(api.url, 'customer');

  const wrong = await rest().raw('PUT', '/api/v1/settings/phone', admin.token, { whatsappTemplates: `order_update=HX12(name)` });
  expect(wrong.status).toBe(400);
  expect(wrong.body.message).toMatch(/^whatsappTemplates: "order_update=HX12\(name\)" is not name=HX…\(variables\)/);
  const saved = await rest().raw('PUT', '/api/v1/settings/phone', admin.token, { whatsappTemplates: `order_update=${ORDER_SID}(name, order)\nhello=${HELLO_SID}` });
  expect(saved.status).toBe(200);
  expect(saved.body.whatsappTemplates).toBe(`order_update=${ORDER_SID}(name, order)\nhello=${HELLO_SID}`);

  const listed = await rest().get('/whatsapp-templates', agent.token);
  expect(listed.body).toEqual([
    { name: 'order_update', contentSid: ORDER_SID, variables: ['name', 'order'] },
    { name: 'hello', contentSid: HELLO_SID, variables: [] },
  ]);
  expect((await rest().get('/whatsapp-templates', customer.token)).status).toBe(403);

  const e164 = `+3461${String(Date.now() % 1e7).padStart(7, '0')}`;
  const { ticket_id: ticketId, entry_id: entryId } = await whatsappTicket(e164);
  // 25 hours later: free text is refused, a template is what is left.
  await sql('UPDATE ticket_entries SET created_at = created_at - INTERVAL 25 HOUR WHERE id = ?', [entryId]);
  expect((await rest().post(`/tickets/${ticketId}/replies`, { body: 'Any news?' }, agent.token)).status).toBe(400);

  const send = (body: unknown, token = agent.token) => rest().post(`/tickets/${ticketId}/whatsapp-template`, body, token);
  expect((await send({ template: 'order_update', variables: { name: 'Marta' } })).body.message).toBe('variables.order: is required');
  expect((await send({ template: 'nope', variables: {} })).body.message).toMatch(/^template: there is no approved template "nope"/);
  expect((await send({ template: 'hello' }, customer.token)).status).toBe(403);

  const before = fake.created('Messages').length;
  const sent = await send({ template: 'order_update', variables: { name: 'Marta', order: '#42' } });
  expect(sent.status).toBe(200);
  expect(sent.body).toMatchObject({ kind: 'reply', channel: 'whatsapp', body: 'WhatsApp template “order_update”\nname: Marta\norder: #42' });

  const request = await eventually(async () => fake.created('Messages')[before] ?? null);
  expect(request.authorized).toBe(true);
  expect(request.params).toEqual({
    From: OUR_WHATSAPP,
    To: `whatsapp:${e164}`,
    ContentSid: ORDER_SID,
    ContentVariables: '{"1":"Marta","2":"#42"}',
    StatusCallback: `${PUBLIC_WEBHOOK_BASE}/webhooks/twilio/status`,
  });
  const delivery = await eventually(async () => {
    const [row] = await sql<{ status: string; provider_message_id: string | null }>('SELECT status, provider_message_id FROM outbound_messages WHERE ticket_entry_id = ?', [sent.body.id]);
    return row?.provider_message_id ? row : null;
  });
  expect(delivery.status).toBe('sent');

  // Not a WhatsApp ticket: refused, naming the ticket.
  const portalTicket = await rest().post('/tickets', { subject: 'Portal question', description: 'hi' }, customer.token);
  const onPortal = await rest().post(`/tickets/${portalTicket.body.id}/whatsapp-template`, { template: 'hello' }, agent.token);
  expect(onPortal.status).toBe(400);
  expect(onPortal.body.message).toBe(`id: ticket #${portalTicket.body.id} is not a WhatsApp ticket`);
});
