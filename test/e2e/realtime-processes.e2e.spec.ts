import { createApiClient } from '@switchboard/trpc-client';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { liveClientFor, record } from '../support/live.js';
import { createUser } from '../support/people.js';

/**
 * Two agents on two api processes — real operating-system processes started from the build, as behind
 * a load balancer — see each other's changes live and are warned before answering the same customer.
 * The processes share nothing but MySQL and Redis.
 */
let a: ApiProcess;
let b: ApiProcess;
beforeAll(async () => {
  [a, b] = await Promise.all([startApiProcess(), startApiProcess()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

type LiveEvent = { type: string; ticketId: number; kind?: string; visibility?: string };
type Presence = Array<{ userId: number; name: string; state: string }>;

it('runs two separate api processes', () => {
  expect(new Set([a.pid, b.pid, process.pid]).size).toBe(3);
});

it('warns an agent on one process that a colleague on the other is replying, then shows the reply live', async () => {
  const [ana, bo, customer] = await Promise.all([
    createUser(a.url, 'agent', { name: 'Ana Across' }),
    createUser(a.url, 'agent', { name: 'Bo Across' }),
    createUser(a.url, 'customer'),
  ]);
  const ticket = await createApiClient({ url: b.url, token: customer.token }).tickets.create.mutate({ subject: 'Two processes', description: 'help' });

  // Bo has the ticket open on process A.
  const boLive = liveClientFor(a.url, bo.token);
  const boPresence = record<Presence>((h) => boLive.live.presence.subscribe({ ticketId: ticket.id }, h));
  const boTicket = record<LiveEvent>((h) => boLive.live.ticket.subscribe({ ticketId: ticket.id, lastEventId: `${Date.now() - 1000}-0` }, h));
  await Promise.all([boPresence.started, boTicket.started]);

  // Ana, served by process B, starts writing a reply: Bo is warned before he answers too.
  const anaApi = createApiClient({ url: b.url, token: ana.token });
  await anaApi.live.heartbeat.mutate({ ticketId: ticket.id, state: 'replying' });
  await boPresence.waitFor((e) => e.some((list) => list.some((p) => p.userId === ana.id && p.name === 'Ana Across' && p.state === 'replying')));

  // Her reply, made through B, reaches Bo's open ticket on A.
  await anaApi.tickets.reply.mutate({ id: ticket.id, body: 'Looking into it' });
  const events = await boTicket.waitFor((e) => e.some((x) => x.type === 'entry.added'));
  expect(events.find((x) => x.type === 'entry.added')).toMatchObject({ ticketId: ticket.id, kind: 'reply', visibility: 'public' });
  boPresence.stop();
  boTicket.stop();
});
