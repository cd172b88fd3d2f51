/** Where a chat stands, in a few words: with whom, ended, its place in the queue, or to whom it is offered. */
export const chatStateLabel = (c: { state: string; place: number | null; assignee: { name: string } | null; agent: { name: string } | null }) =>
  c.state === 'active' ? `with ${c.agent?.name ?? 'an agent'}` : c.state === 'ended' ? 'ended' : c.place ? `waiting (#${c.place} in queue)` : `offered to ${c.assignee?.name ?? 'an agent'}`;
