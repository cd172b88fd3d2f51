import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { useTwilioStack } from '../support/twilio-stack.js';
import { PUBLIC_WEBHOOK_BASE, fakeSid, postTwilio } from '../support/twilio-webhooks.js';
import { PNG_1PX, upload } from '../support/uploads.js';

/** Files on an SMS reply go out as MediaUrl: signed, expiring public links of ours that Twilio fetches. */
const OUR_NUMBER = '+15005550006';

const { api, fake } = useTwilioStack('twilio_mms');

it('sends a reply’s picture as MediaUrl, a link Twilio can fetch without signing in, and nothing else through it', async () => {
  const from = `+4916${String(Date.now() % 1e8).padStart(8, '0')}`;
  const message = { MessageSid: fakeSid('SM'), AccountSid: fake.accountSid, From: from, To: OUR_NUMBER, Body: 'What does the label look like?', NumMedia: '0' };
  expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/messaging', message)).status).toBe(200);
  const { ticket_id: ticketId } = await eventually(async () => {
    const [row] = await sql<{ ticket_id: number }>('SELECT ticket_id FROM twilio_inbound WHERE sid = ? AND processed_at IS NOT NULL', [message.MessageSid]);
    return row ?? null;
  });

  const agent = await createUser(api.url, 'agent');
  const uploaded = await upload(api.url, agent.token, [{ name: 'label.png', type: 'image/png', content: PNG_1PX }]);
  expect(uploaded.status).toBe(201);
  const attachmentId = uploaded.body[0].id as number;
  const before = fake.created('Messages').length;
  const reply = await restClient(api.url).post(`/tickets/${ticketId}/replies`, { body: 'This one:', attachmentIds: [attachmentId] }, agent.token);
  expect(reply.status).toBe(200);

  const sent = await eventually(async () => fake.created('Messages')[before] ?? null);
  expect(sent.params).toMatchObject({ From: OUR_NUMBER, To: from, Body: 'This one:' });
  const mediaUrl = sent.params.MediaUrl!;
  expect(mediaUrl).toMatch(new RegExp(`^${PUBLIC_WEBHOOK_BASE.replace(/\./g, '\\.')}/media/${attachmentId}\\.\\d+\\.[A-Za-z0-9_-]+$`));

  // Twilio fetches it: no sign-in, the bytes of the file.
  const path = mediaUrl.slice(PUBLIC_WEBHOOK_BASE.length);
  const fetched = await fetch(`${api.url}${path}`);
  expect(fetched.status).toBe(200);
  expect(fetched.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG_1PX)).toBe(true);

  // The token is for that file only: another id with its signature, or a broken one, finds nothing.
  const [, exp, mac] = path.split('/').pop()!.split('.');
  expect((await fetch(`${api.url}/media/${attachmentId + 1}.${exp}.${mac}`)).status).toBe(404);
  expect((await fetch(`${api.url}/media/${attachmentId}.${exp}.AAAA`)).status).toBe(404);
  expect((await fetch(`${api.url}/media/${attachmentId}`)).status).toBe(404);
});

it('refuses a WhatsApp reply with more files than one message carries, naming the field, and sends one that fits', async () => {
  const from = `+4917${String(Date.now() % 1e8).padStart(8, '0')}`;
  const message = {
    MessageSid: fakeSid('SM'),
    AccountSid: fake.accountSid,
    From: `whatsapp:${from}`,
    To: 'whatsapp:+14155238886',
    Body: 'Can you send me the manual?',
    NumMedia: '0',
    ProfileName: 'Wanda',
    WaId: from.slice(1),
  };
  expect((await postTwilio(api.url, fake.authToken, '/webhooks/twilio/messaging', message)).status).toBe(200);
  const { ticket_id: ticketId } = await eventually(async () => {
    const [row] = await sql<{ ticket_id: number }>('SELECT ticket_id FROM twilio_inbound WHERE sid = ? AND processed_at IS NOT NULL', [message.MessageSid]);
    return row ?? null;
  });
  const agent = await createUser(api.url, 'agent');
  const uploaded = await upload(api.url, agent.token, [
    { name: 'page-1.png', type: 'image/png', content: PNG_1PX },
    { name: 'page-2.png', type: 'image/png', content: PNG_1PX },
  ]);
  const ids = (uploaded.body as Array<{ id: number }>).map((f) => f.id);
  const before = fake.created('Messages').length;

  const tooMany = await restClient(api.url).post(`/tickets/${ticketId}/replies`, { body: 'Here you go', attachmentIds: ids }, agent.token);
  expect(tooMany.status).toBe(400);
  expect(JSON.stringify(tooMany.body)).toContain('attachmentIds');
  expect(JSON.stringify(tooMany.body)).toContain('WhatsApp carries at most 1 file per message');
  const [{ n }] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM ticket_entries WHERE ticket_id = ? AND kind = 'reply'", [ticketId]);
  expect(Number(n)).toBe(0);

  const one = await restClient(api.url).post(`/tickets/${ticketId}/replies`, { body: 'Page one', attachmentIds: [ids[0]] }, agent.token);
  expect(one.status).toBe(200);
  const sent = await eventually(async () => fake.created('Messages')[before] ?? null);
  expect(sent.params).toMatchObject({ To: `whatsapp:${from}`, Body: 'Page one' });
  expect(sent.params.MediaUrl).toMatch(new RegExp(`/media/${ids[0]}\\.`));
});
