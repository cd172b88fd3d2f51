import { apiErrorKind, createApiClient } from '@switchboard/trpc-client';
import type { LiveChatList } from '@switchboard/contracts';
import { startApi, type RunningApi } from '../support/api.js';
import { chatCompany, visitorApi } from '../support/chat.js';
import { sql } from '../support/db.js';
import { liveClientFor, record, sleep, type Recording } from '../support/live.js';
import { createUser } from '../support/people.js';

/**
 * live.chats over the real SSE endpoint: each agent's chat list (queue, offered, transferred, theirs)
 * pushed on every change of a chat, for two api processes (an event caused through one reaches a
 * subscriber held by the other only through Redis).
 */
let a: RunningApi;
let b: RunningApi;
let company: Awaited<ReturnType<typeof chatCompany>>;
let visitor: ReturnType<typeof visitorApi>;
beforeAll(async () => {
  [a, b] = await Promise.all([startApi(), startApi()]);
  company = await chatCompany(a.url);
  visitor = visitorApi(b.url);
  // No worker runs here: end what earlier runs left open, as its abandon job would (chat.list reads 200 open chats, oldest first).
  await sql("UPDATE chat_sessions SET state = 'ended', end_reason = 'no_agent', ended_at = NOW() WHERE state <> 'ended' AND created_at < NOW() - INTERVAL 10 MINUTE");
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const sinceNow = () => `${Date.now() - 1000}-0`;
const ids = (list: LiveChatList | undefined, part: keyof Omit<LiveChatList, 'changedChatId'>) => (list?.[part] ?? []).map((c) => c.id);
const everywhere = (list: LiveChatList | undefined) => [...ids(list, 'queue'), ...ids(list, 'offered'), ...ids(list, 'transferred'), ...ids(list, 'mine')];
const latest = (r: Recording<LiveChatList>) => r.events.at(-1);
const subscribe = (url: string, token: string, lastEventId: string | null = null) =>
  record<LiveChatList>((h) => liveClientFor(url, token).live.chats.subscribe({ lastEventId }, h));

describe('live.chats', () => {
  it('pushes a new chat into both agents’ queues; once one accepts, it leaves the other’s list at once', async () => {
    const ana = await createUser(a.url, 'agent', { name: 'Ana Live' });
    const bo = await createUser(a.url, 'agent', { name: 'Bo Live' });
    const anaLive = subscribe(a.url, ana.token);
    const boLive = subscribe(b.url, bo.token);
    try {
      // The current list comes at once (untracked), before any change.
      await anaLive.waitFor((e) => e.length >= 1);
      await boLive.waitFor((e) => e.length >= 1);
      expect(anaLive.events[0]).toMatchObject({ changedChatId: null });

      const started = await visitor.start({ company: company.companyId, message: 'Anyone there?' });
      expect(started.status).toBe(201);
      const chatId: number = started.body.chatId;
      for (const live of [anaLive, boLive]) {
        await live.waitFor((e) => ids(e.at(-1), 'queue').includes(chatId));
        const queued = latest(live)!.queue.find((c) => c.id === chatId)!;
        expect(queued).toMatchObject({ state: 'waiting', place: expect.any(Number), assignee: null, agent: null, transferred: false });
        expect(latest(live)!.changedChatId).toBe(chatId);
      }
      expect(anaLive.ids.every((id) => /^\d+-\d+$/.test(id))).toBe(true);

      await createApiClient({ url: a.url, token: ana.token }).chat.accept.mutate({ chatId });
      await anaLive.waitFor((e) => ids(e.at(-1), 'mine').includes(chatId));
      expect(ids(latest(anaLive), 'queue')).not.toContain(chatId);
      expect(latest(anaLive)!.mine.find((c) => c.id === chatId)).toMatchObject({ state: 'active', agent: { id: ana.id, name: 'Ana Live' } });
      // Bo's stream (served by the other api process) drops it: someone else's chat is in none of his lists.
      await boLive.waitFor((e) => !everywhere(e.at(-1)).includes(chatId) && e.at(-1)?.changedChatId === chatId);
    } finally {
      anaLive.stop();
      boLive.stop();
    }
  });

  it('a visitor’s message and the visitor leaving reach the agent’s list; a transfer shows as transferred to the other agent', async () => {
    const ana = await createUser(a.url, 'agent', { name: 'Ana Two' });
    const bo = await createUser(a.url, 'agent', { name: 'Bo Two' });
    const started = await visitor.start({ company: company.companyId, message: 'Help with billing' });
    const { chatId, token } = started.body as { chatId: number; token: string };
    const anaClient = createApiClient({ url: a.url, token: ana.token });
    await anaClient.chat.accept.mutate({ chatId });

    const anaLive = subscribe(a.url, ana.token);
    try {
      await anaLive.waitFor((e) => ids(e.at(-1), 'mine').includes(chatId));
      const before = anaLive.events.length;
      expect((await visitor.post(chatId, token, 'Still there?')).status).toBe(201);
      await anaLive.waitFor((e) => e.length > before && e.at(-1)?.changedChatId === chatId);

      // Bo was away while Ana transferred it to him: resuming from his last event id, he gets it.
      const boFirst = subscribe(b.url, bo.token);
      await boFirst.waitFor((e) => e.length >= 1);
      await sleep(300);
      const resumeFrom = boFirst.ids.at(-1) ?? sinceNow();
      boFirst.stop();
      await anaClient.chat.transfer.mutate({ chatId, agentId: bo.id });
      await anaLive.waitFor((e) => !everywhere(e.at(-1)).includes(chatId));

      const boResumed = subscribe(b.url, bo.token, resumeFrom);
      try {
        await boResumed.waitFor((e) => e.some((l) => l.changedChatId === chatId && ids(l, 'transferred').includes(chatId)));
        expect(latest(boResumed)!.transferred.find((c) => c.id === chatId)).toMatchObject({ state: 'waiting', assignee: { id: bo.id }, transferred: true });
        expect(boResumed.ids.length).toBeGreaterThan(0);

        // The visitor leaves: it is gone from Bo's lists.
        expect((await visitor.leave(chatId, token)).status).toBe(200);
        await boResumed.waitFor((e) => !everywhere(e.at(-1)).includes(chatId) && e.at(-1)?.changedChatId === chatId);
      } finally {
        boResumed.stop();
      }
    } finally {
      anaLive.stop();
    }
  });

  it('refuses a customer (no staff rights) and an anonymous subscriber', async () => {
    const customer = await createUser(a.url, 'customer');
    const refused = record<LiveChatList>((h) => liveClientFor(a.url, customer.token).live.chats.subscribe(undefined, h));
    const anonymous = record<LiveChatList>((h) => liveClientFor(a.url, 'not-a-token').live.chats.subscribe(undefined, h));
    const deadline = Date.now() + 5000;
    while ((refused.errors.length === 0 || anonymous.errors.length === 0) && Date.now() < deadline) await sleep(25);
    refused.stop();
    anonymous.stop();
    expect(apiErrorKind(refused.errors[0])).toBe('forbidden');
    expect(refused.events).toEqual([]);
    expect(apiErrorKind(anonymous.errors[0])).toBe('unauthorized');
    expect(anonymous.events).toEqual([]);
  });
});
