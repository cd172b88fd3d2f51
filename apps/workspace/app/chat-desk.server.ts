import { agentChatList, type LiveChatList } from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

/** What the chats page shows: the agent's live lists, colleagues' chats, recent ones, and the open chat with its messages. */
export async function loadChatDesk(api: ApiClient, userId: number, selected: number | null) {
  const [open, recent, canned, agents, teams] = await Promise.all([
    api.chat.list.query({ state: 'open' }),
    api.chat.list.query({ state: 'ended' }),
    api.chat.cannedReplies.query(),
    api.people.agents.query(),
    api.people.teams.query(),
  ]);
  const current = selected ? [...open, ...recent].find((c) => c.id === selected) ?? (await api.chat.get.query({ chatId: selected })) : null;
  const timeline = current ? await api.tickets.timeline.query({ id: current.ticketId }) : null;
  const mineIds = (l: LiveChatList) => new Set([...l.queue, ...l.offered, ...l.transferred, ...l.mine].map((c) => c.id));
  const live = agentChatList(open, userId);
  const ownIds = mineIds(live);
  return {
    live,
    // Offered to or with a colleague: shown for reference, refreshed with the page.
    colleagues: open.filter((c) => !ownIds.has(c.id)),
    recent: recent.slice(0, 10),
    canned,
    current,
    entries: timeline?.entries.filter((e) => e.kind !== 'event') ?? [],
    userId,
    agents: agents.filter((a) => a.status === 'active' && a.id !== userId).map((a) => ({ id: a.id, name: a.name, online: a.availability === 'online' })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    now: new Date().toISOString(),
  };
}

/** One agent action on a chat: accept, end, transfer (to an agent or a team), or reply (typed, or a canned reply). */
export async function runChatIntent(api: ApiClient, form: FormData, chatId: number) {
  const intent = String(form.get('intent'));
  if (intent === 'accept') await api.chat.accept.mutate({ chatId });
  else if (intent === 'end') await api.chat.end.mutate({ chatId });
  else if (intent === 'transfer') {
    const agentId = Number(form.get('agentId')) || undefined;
    const teamId = Number(form.get('teamId')) || undefined;
    await api.chat.transfer.mutate({ chatId, agentId, teamId });
  } else if (intent === 'reply') {
    const canned = Number(form.get('canned'));
    let body = String(form.get('body') ?? '').trim();
    if (!body && canned) body = (await api.chat.cannedReplies.query()).find((c) => c.id === canned)?.body ?? '';
    await api.chat.reply.mutate({ chatId, body });
  }
}
