import { createApiClient } from '@switchboard/trpc-client';
import { randomInt } from 'node:crypto';
import { createWorker } from '../../apps/api/src/bootstrap.js';
import { ChatAbandonJob, CHAT_ABANDON_AFTER_MS, CHAT_WAIT_MAX_MS } from '../../apps/api/src/chat/chat-abandon.job.js';
import { signVisitor } from '../../apps/api/src/chat/visitor-signature.js';
import { CHAT_STARTS_PER_WINDOW } from '../../apps/api/src/chat/visitor/chat-start-limiter.js';
import { startApi, type RunningApi } from '../support/api.js';
import { chatCompany, visitorApi } from '../support/chat.js';
import { eventually, sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

let api: RunningApi;
/** A second api process: a visitor's stream served by one api hears a reply made through another. */
let other: RunningApi;
let worker: Awaited<ReturnType<typeof createWorker>>['worker'];
let visitor: ReturnType<typeof visitorApi>;
let company: Awaited<ReturnType<typeof chatCompany>>;
beforeAll(async () => {
  [api, other] = await Promise.all([startApi(), startApi()]);
  ({ worker } = await createWorker());
  visitor = visitorApi(api.url);
  company = await chatCompany(api.url, { invite: { afterSeconds: 5, urlPattern: '*/pricing*', message: 'Need help choosing?' } });
});
afterAll(async () => {
  await worker.close();
  await Promise.all([api.close(), other.close()]);
});

describe('widget and its config', () => {
  it('serves widget.js and the company branding and invitation rule to any origin', async () => {
    const script = await fetch(`${api.url}/widget.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('attachShadow');
    const config = await visitor.call(`/companies/${company.companyId}/widget`);
    expect(config.status).toBe(200);
    expect(config.headers.get('access-control-allow-origin')).toBe('*');
    expect(config.body).toMatchObject({ enabled: true, primaryColor: '#aa2200', invitation: { afterSeconds: 5, urlPattern: '*/pricing*', message: 'Need help choosing?' } });
  });

  it('refuses chats for a company without chat, naming the field', async () => {
    const admin = createApiClient({ url: api.url, token: company.admin.token });
    const off = await admin.companies.save.mutate({ name: `No chat ${Date.now()}` });
    const res = await visitor.start({ company: off.id, message: 'hello?' });
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe('company');
    const bad = await visitor.start({ company: company.companyId, message: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors).toHaveProperty('message');
  });
});

describe('visitors', () => {
  it('an anonymous visitor opens a chat: a chat ticket with the message, waiting in the queue with a place', async () => {
    const first = await visitor.start({ company: company.companyId, message: 'Is anyone there?', pageUrl: 'https://shop.example/pricing' });
    expect(first.status).toBe(201);
    const second = await visitor.start({ company: company.companyId, message: 'Me too' });
    expect(first.body.view).toMatchObject({ state: 'waiting', messages: [{ from: 'visitor', body: 'Is anyone there?' }] });
    expect(second.body.view.place).toBe(first.body.view.place + 1);
    const [ticket] = await sql<{ channel: string; company_id: number }>('SELECT channel, company_id FROM tickets WHERE id = ?', [first.body.view.ticketId]);
    expect(ticket).toEqual({ channel: 'chat', company_id: company.companyId });
    // The token is bound to its chat.
    expect((await visitor.view(first.body.chatId, second.body.token)).status).toBe(401);
    expect((await visitor.view(first.body.chatId, 'nonsense')).status).toBe(401);
  });

  it('identifies a visitor by user id + HMAC signature; refuses a wrong or missing signature', async () => {
    const userId = `host-user-${Date.now()}`;
    const signature = signVisitor(company.secret, userId);
    const ok = await visitor.start({ company: company.companyId, message: 'Hi, it is me', userId, signature, name: 'Ida Identified' });
    expect(ok.status).toBe(201);
    const again = await visitor.start({ company: company.companyId, message: 'Me again', userId, signature });
    expect(again.status).toBe(201);
    const owners = await sql<{ requester_id: number }>('SELECT requester_id FROM tickets WHERE id IN (?, ?)', [ok.body.view.ticketId, again.body.view.ticketId]);
    expect(owners[0].requester_id).toBe(owners[1].requester_id);
    const [session] = await sql<{ identified: number }>('SELECT identified FROM chat_sessions WHERE id = ?', [ok.body.chatId]);
    expect(session.identified).toBe(1);

    const wrong = await visitor.start({ company: company.companyId, message: 'x', userId, signature: signVisitor('another-secret', userId) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.field).toBe('signature');
    const forged = await visitor.start({ company: company.companyId, message: 'x', userId: 'someone-else', signature });
    expect(forged.status).toBe(401);
    const missing = await visitor.start({ company: company.companyId, message: 'x', userId });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('signature');
  });

  it('a start repeated with the same client id opens one chat (a fresh token replaces the lost one)', async () => {
    const clientId = `start-${Date.now()}`;
    const first = await visitor.start({ company: company.companyId, message: 'Hello once', clientId });
    const again = await visitor.start({ company: company.companyId, message: 'Hello once', clientId });
    expect(again.status).toBe(201);
    expect(again.body.chatId).toBe(first.body.chatId);
    expect(again.body.view.messages).toHaveLength(1);
    expect((await visitor.view(first.body.chatId, again.body.token)).status).toBe(200);
    const tickets = await sql("SELECT id FROM tickets WHERE channel = 'chat' AND description = 'Hello once'");
    expect(tickets).toHaveLength(1);
  });

  it('limits how many chats one address may start', async () => {
    // A fresh address per run: the window is kept in Redis between runs.
    const flood = visitorApi(api.url, `198.18.${randomInt(256)}.${randomInt(256)}`);
    const statuses: number[] = [];
    for (let i = 0; i <= CHAT_STARTS_PER_WINDOW; i++) statuses.push((await flood.start({ company: company.companyId, message: '' })).status);
    expect(statuses.slice(0, CHAT_STARTS_PER_WINDOW).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    expect((await visitorApi(api.url).start({ company: company.companyId, message: 'Fine' })).status).toBe(201);
  });

  it('stores a message posted twice with the same client id once', async () => {
    const chat = await visitor.start({ company: company.companyId, message: 'Start' });
    const a = await visitor.post(chat.body.chatId, chat.body.token, 'Only once', 'client-1');
    const b = await visitor.post(chat.body.chatId, chat.body.token, 'Only once', 'client-1');
    expect(a.status).toBe(201);
    expect(b.body).toEqual({ id: a.body.id, duplicate: true });
    const rows = await sql("SELECT id FROM ticket_entries WHERE ticket_id = ? AND body LIKE 'Only once%'", [chat.body.view.ticketId]);
    expect(rows).toHaveLength(1);
  });
});

describe('agents', () => {
  it('accept, answer (the visitor sees it), transfer, end: the conversation is the ticket timeline', async () => {
    const ana = await createUser(api.url, 'agent', { name: 'Ana Agent' });
    const bo = await createUser(api.url, 'agent', { name: 'Bo Agent' });
    const anaClient = createApiClient({ url: api.url, token: ana.token });
    const chat = await visitor.start({ company: company.companyId, message: 'My order is late' });
    const { chatId, token } = chat.body;

    const incoming = await anaClient.chat.list.query({ state: 'open' });
    expect(incoming.find((c) => c.id === chatId)).toMatchObject({ state: 'waiting', place: expect.any(Number) });

    const accepted = await anaClient.chat.accept.mutate({ chatId });
    expect(accepted).toMatchObject({ state: 'active', agent: { id: ana.id }, assignee: { id: ana.id }, place: null });
    await anaClient.chat.reply.mutate({ chatId, body: 'Let me check that for you' });
    const seen = await visitor.view(chatId, token);
    expect(seen.body).toMatchObject({ state: 'active', agentName: 'Ana Agent' });
    expect(seen.body.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['visitor', 'My order is late'],
      ['agent', 'Let me check that for you'],
    ]);

    const boClient = createApiClient({ url: api.url, token: bo.token });
    await expect(boClient.chat.accept.mutate({ chatId })).rejects.toThrow(/Ana Agent is already in this chat/);
    const moved = await anaClient.chat.transfer.mutate({ chatId, agentId: bo.id });
    expect(moved).toMatchObject({ state: 'waiting', assignee: { id: bo.id }, agent: null });
    expect((await visitor.view(chatId, token)).body.agentName).toBe('Bo Agent');
    await boClient.chat.accept.mutate({ chatId });
    await visitor.post(chatId, token, 'Thanks!', 'c-2');
    const ended = await boClient.chat.end.mutate({ chatId });
    expect(ended).toMatchObject({ state: 'ended', endReason: 'agent' });
    expect((await visitor.post(chatId, token, 'Hello?')).status).toBe(409);

    const timeline = await boClient.tickets.timeline.query({ id: chat.body.view.ticketId });
    expect(timeline.entries.filter((e) => e.kind !== 'event').map((e) => [e.kind, e.channel, e.body])).toEqual([
      ['message', 'chat', 'My order is late'],
      ['reply', 'chat', 'Let me check that for you'],
      ['message', 'chat', 'Thanks!'],
    ]);
    // Answered live: no follow-up email, and the live reply was delivered by the widget, not emailed.
    const [session] = await sql<{ follow_up_at: Date | null }>('SELECT follow_up_at FROM chat_sessions WHERE id = ?', [chatId]);
    expect(session.follow_up_at).toBeNull();
    await eventually(async () => {
      const rows = await sql<{ status: string }>("SELECT status FROM outbox_events WHERE topic = 'ticket.reply' AND JSON_EXTRACT(payload, '$.ticketId') = ?", [chat.body.view.ticketId]);
      return rows.length === 1 && rows[0].status === 'done';
    });
    expect(await sql("SELECT id FROM outbound_messages WHERE ticket_id = ? AND body LIKE '%Let me check that for you%'", [chat.body.view.ticketId])).toEqual([]);
  });

  it("streams 'changed' to the visitor's event stream when an agent answers through another api process", async () => {
    const agent = await createUser(api.url, 'agent', { name: 'Sam Stream' });
    const agentClient = createApiClient({ url: api.url, token: agent.token });
    const chat = await visitor.start({ company: company.companyId, message: 'Stream me' });
    expect((await fetch(`${other.url}/chat/v1/chats/${chat.body.chatId}/events?token=wrong`)).status).toBe(401);

    // The visitor's stream is served by the other api: the reply reaches it through Redis.
    const controller = new AbortController();
    const res = await fetch(`${other.url}/chat/v1/chats/${chat.body.chatId}/events?token=${encodeURIComponent(chat.body.token)}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const next = async () => {
      const { value } = await reader.read();
      text += decoder.decode(value, { stream: true });
    };
    while (!text.includes('event: changed')) await next();
    const seen = text.split('event: changed').length;
    await agentClient.chat.reply.mutate({ chatId: chat.body.chatId, body: 'Streaming back' });
    while (text.split('event: changed').length === seen) await next();
    controller.abort();
    expect((await visitor.view(chat.body.chatId, chat.body.token)).body.messages.at(-1)).toMatchObject({ from: 'agent', body: 'Streaming back' });
  });

  it('canned replies: managers keep them, agents list them', async () => {
    const manager = await createUser(api.url, 'manager');
    const agent = await createUser(api.url, 'agent');
    const title = `Greeting ${Date.now()}`;
    await createApiClient({ url: api.url, token: manager.token }).chat.saveCannedReply.mutate({ title, body: 'Hello! How can I help?' });
    const list = await createApiClient({ url: api.url, token: agent.token }).chat.cannedReplies.query();
    expect(list).toContainEqual(expect.objectContaining({ title, body: 'Hello! How can I help?' }));
  });
});

describe('routing', () => {
  it('offers a new chat to an online agent through the routing rule of the company chat category', async () => {
    const staff = staffFixtures(api.url, company.admin.token);
    const name = `Olive Online ${Date.now()}`;
    const online = await staff.agent({ name });
    const team = await staff.team('round_robin', [online.id]);
    const routed = await chatCompany(api.url, { categoryId: team.categoryId });
    const chat = await visitor.start({ company: routed.companyId, message: 'Route me' });
    const view = await eventually(async () => {
      const v = (await visitor.view(chat.body.chatId, chat.body.token)).body;
      return v.agentName ? v : null;
    });
    expect(view).toMatchObject({ state: 'waiting', place: null, agentName: name });
    const [ticket] = await sql<{ assignee_id: number; team_id: number; category_id: number }>('SELECT assignee_id, team_id, category_id FROM tickets WHERE id = ?', [view.ticketId]);
    expect(ticket).toEqual({ assignee_id: online.id, team_id: team.id, category_id: team.categoryId });
    const offered = await online.client.chat.list.query({ state: 'open' });
    expect(offered.find((c) => c.id === chat.body.chatId)).toMatchObject({ assignee: { id: online.id }, place: null });
  });

  it('waits in the chat queue, with its place, while no agent of the team is online', async () => {
    const staff = staffFixtures(api.url, company.admin.token);
    const away = await staff.agent({ online: false });
    const team = await staff.team('round_robin', [away.id]);
    const queued = await chatCompany(api.url, { categoryId: team.categoryId });
    const first = await visitor.start({ company: queued.companyId, message: 'One' });
    const second = await visitor.start({ company: queued.companyId, message: 'Two' });
    const [a, b] = [(await visitor.view(first.body.chatId, first.body.token)).body, (await visitor.view(second.body.chatId, second.body.token)).body];
    expect(a.agentName).toBeNull();
    expect(b.place).toBe(a.place + 1);
  });

  it('a chat transferred to a team is routed to an online agent of that team', async () => {
    const staff = staffFixtures(api.url, company.admin.token);
    const name = `Tina Team ${Date.now()}`;
    const member = await staff.agent({ name });
    const team = await staff.team('round_robin', [member.id]);
    const first = await createUser(api.url, 'agent');
    const chat = await visitor.start({ company: company.companyId, message: 'Billing question' });
    await createApiClient({ url: api.url, token: first.token }).chat.accept.mutate({ chatId: chat.body.chatId });
    await createApiClient({ url: api.url, token: first.token }).chat.transfer.mutate({ chatId: chat.body.chatId, teamId: team.id });
    const view = await eventually(async () => {
      const v = (await visitor.view(chat.body.chatId, chat.body.token)).body;
      return v.agentName === name ? v : null;
    });
    expect(view).toMatchObject({ state: 'waiting', place: null });
    await expect(createApiClient({ url: api.url, token: first.token }).chat.transfer.mutate({ chatId: chat.body.chatId, teamId: 2_000_000_000 })).rejects.toThrow(/teamId/);
  });

  it('refuses an unknown chat category, naming the field', async () => {
    await expect(company.adminClient.chat.saveSettings.mutate({ companyId: company.companyId, enabled: true, categoryId: 2_000_000_000 })).rejects.toThrow(/categoryId: there is no category/);
  });
});

describe('timeouts', () => {
  it('a transferred chat that someone accepted before does not time out as "no agent"', async () => {
    const ana = await createUser(api.url, 'agent');
    const bo = await createUser(api.url, 'agent');
    const anaClient = createApiClient({ url: api.url, token: ana.token });
    const chat = await visitor.start({ company: company.companyId, message: 'Long one' });
    await anaClient.chat.accept.mutate({ chatId: chat.body.chatId });
    await anaClient.chat.transfer.mutate({ chatId: chat.body.chatId, agentId: bo.id });
    await sql('UPDATE chat_sessions SET created_at = ? WHERE id = ?', [new Date(Date.now() - CHAT_WAIT_MAX_MS - 60_000), chat.body.chatId]);
    expect(await worker.get(ChatAbandonJob).run(new Date())).not.toContain(chat.body.chatId);
    expect((await visitor.view(chat.body.chatId, chat.body.token)).body.state).toBe('waiting');
  });

  it('a visitor whose widget is open is not abandoned; a silent one is', async () => {
    const open = await visitor.start({ company: company.companyId, message: 'Still here' });
    const gone = await visitor.start({ company: company.companyId, message: 'Gone' });
    const old = new Date(Date.now() - CHAT_ABANDON_AFTER_MS - 60_000);
    await sql('UPDATE chat_sessions SET last_visitor_at = ? WHERE id IN (?, ?)', [old, open.body.chatId, gone.body.chatId]);
    const controller = new AbortController();
    const stream = await fetch(`${api.url}/chat/v1/chats/${open.body.chatId}/events?token=${encodeURIComponent(open.body.token)}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    await eventually(async () => {
      const [row] = await sql<{ last_visitor_at: Date }>('SELECT last_visitor_at FROM chat_sessions WHERE id = ?', [open.body.chatId]);
      return row.last_visitor_at.getTime() > old.getTime();
    });
    const ended = await worker.get(ChatAbandonJob).run(new Date());
    controller.abort();
    expect(ended).toContain(gone.body.chatId);
    expect(ended).not.toContain(open.body.chatId);
    expect((await visitor.view(gone.body.chatId, gone.body.token)).body).toMatchObject({ state: 'ended', endReason: 'abandoned' });
  });

  it('a chat nobody accepted, and one the visitor abandoned, end and become tickets with a follow-up email', async () => {
    const wendy = `wendy-${Date.now()}@example.com`;
    const waiting = await visitor.start({ company: company.companyId, message: 'Anyone?', name: 'Wendy Waiting', email: wendy });
    const quiet = await visitor.start({ company: company.companyId, message: 'Brb' });
    const job = worker.get(ChatAbandonJob);
    const later = new Date(Date.now() + Math.max(CHAT_ABANDON_AFTER_MS, CHAT_WAIT_MAX_MS) + 60_000);
    const ended = await job.run(later);
    expect(ended).toEqual(expect.arrayContaining([waiting.body.chatId, quiet.body.chatId]));
    expect(await job.run(later)).not.toContain(waiting.body.chatId);

    const w = await visitor.view(waiting.body.chatId, waiting.body.token);
    expect(w.body).toMatchObject({ state: 'ended', endReason: 'no_agent' });
    const mail = await eventually(async () => (await sql<{ recipient: string; subject: string }>('SELECT recipient, subject FROM outbound_messages WHERE ticket_id = ?', [waiting.body.view.ticketId])).find((m) => m.subject.includes('We got your chat')));
    expect(mail.recipient).toBe(wendy);

    // The anonymous visitor is asked for name and email after the fact; the follow-up goes then, once.
    const q = await visitor.view(quiet.body.chatId, quiet.body.token);
    expect(q.body).toMatchObject({ state: 'ended', hasEmail: false });
    const address = `quinn-${Date.now()}@example.com`;
    expect((await visitor.contact(quiet.body.chatId, quiet.body.token, 'Quinn', address)).status).toBe(200);
    await visitor.contact(quiet.body.chatId, quiet.body.token, 'Quinn', address);
    const sent = await eventually(async () => {
      const rows = await sql<{ recipient: string }>("SELECT recipient FROM outbound_messages WHERE ticket_id = ? AND subject LIKE '%We got your chat%'", [quiet.body.view.ticketId]);
      return rows.length ? rows : null;
    });
    expect(sent).toEqual([{ recipient: address }]);
    const [ticket] = await sql<{ status: string; requester: string }>('SELECT t.status, u.name AS requester FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = ?', [quiet.body.view.ticketId]);
    expect(ticket).toEqual({ status: 'open', requester: 'Quinn' });
  });
});
