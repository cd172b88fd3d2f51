import { row, staffOnly, managers, adminOnly, everyone, readTarget, requesterAction, type Rows } from './rows.js';

/** Tickets and what hangs off them: timeline, links, merge/split, views, catalog, satisfaction, audit, outbox. */
export const ticketsRows: Rows = {
  'tickets.create': { probe: (f) => f.client.tickets.create.mutate({ subject: 'm', description: 'm' }), expect: everyone },
  'tickets.list': { probe: (f) => f.client.tickets.list.query({ pageSize: 5 }), expect: everyone },
  'tickets.get': { probe: (f) => f.client.tickets.get.query({ id: f.target }), expect: readTarget },
  'tickets.timeline': { probe: (f) => f.client.tickets.timeline.query({ id: f.target }), expect: readTarget },
  'tickets.reply': { probe: (f) => f.client.tickets.reply.mutate({ id: f.target, body: 'hello' }), expect: requesterAction },
  'tickets.update': { probe: async (f) => f.client.tickets.update.mutate({ id: await f.fresh(), urgency: 'high' }), expect: staffOnly },
  'tickets.take': { probe: async (f) => f.client.tickets.take.mutate({ id: await f.fresh() }), expect: staffOnly },
  'tickets.bulkUpdate': { probe: async (f) => f.client.tickets.bulkUpdate.mutate({ ids: [await f.fresh()], changes: { urgency: 'high' } }), expect: staffOnly },
  'tickets.close': { probe: async (f) => f.client.tickets.close.mutate({ id: await f.fresh() }), expect: requesterAction },
  'tickets.reopen': { probe: async (f) => f.client.tickets.reopen.mutate({ id: await f.fresh('resolved') }), expect: requesterAction },
  'tickets.links': { probe: (f) => f.client.tickets.links.query({ id: f.target }), expect: readTarget },
  'tickets.link': { probe: async (f) => f.client.tickets.link.mutate({ id: await f.fresh(), otherId: f.target }), expect: staffOnly },
  'tickets.unlink': { probe: async (f) => f.client.tickets.unlink.mutate({ id: await f.fresh(), otherId: f.target }), expect: staffOnly },
  'tickets.merge': { probe: async (f) => f.client.tickets.merge.mutate({ id: await f.fresh(), targetId: await f.fresh() }), expect: staffOnly },
  'tickets.split': {
    probe: async (f) => {
      const id = await f.fresh();
      const { entries } = await f.admin.tickets.timeline.query({ id });
      return f.client.tickets.split.mutate({ id, entryId: entries[0].id });
    },
    expect: staffOnly,
  },
  'outbox.list': { probe: (f) => f.client.outbox.list.query({}), expect: staffOnly },
  'catalog.get': { probe: (f) => f.client.catalog.get.query(), expect: everyone },
  'catalog.saveIssueType': { probe: (f) => f.client.catalog.saveIssueType.mutate({ name: f.unique('Type') }), expect: adminOnly },
  'catalog.saveCategory': { probe: (f) => f.client.catalog.saveCategory.mutate({ name: f.unique('Cat') }), expect: adminOnly },
  'catalog.saveTeam': { probe: (f) => f.client.catalog.saveTeam.mutate({ name: f.unique('Team') }), expect: adminOnly },
  'views.list': { probe: (f) => f.client.views.list.query(), expect: staffOnly },
  'views.save': { probe: (f) => f.client.views.save.mutate({ name: f.unique('View'), filters: {} }), expect: staffOnly },
  'views.delete': {
    probe: async (f) => {
      // Each staff member deletes a view of their own; customers try the admin's.
      const owner = f.who === 'agent' || f.who === 'manager' || f.who === 'admin' ? f.client : f.admin;
      const view = await owner.views.save.mutate({ name: f.unique('Gone'), filters: {} });
      return f.client.views.delete.mutate({ id: view.id });
    },
    expect: staffOnly,
  },
  // Only the requester rates (admins too are refused); a colleague who may read the ticket still does not see its rating.
  'satisfaction.rate': { probe: async (f) => f.client.satisfaction.rate.mutate({ ticketId: await f.fresh('resolved'), rating: 5 }), expect: row('forbidden', { customer: 'not_found', coOwn: 'not_found', coShared: 'not_found' }) },
  'satisfaction.forTicket': { probe: (f) => f.client.satisfaction.forTicket.query({ ticketId: f.target }), expect: row('ok', { customer: 'not_found', coOwn: 'not_found', coShared: 'not_found' }) },
  'satisfaction.rateByToken': { probe: (f) => f.client.satisfaction.rateByToken.mutate({ token: 'not-a-token', rating: 3 }), expect: row('bad_request', { anonymous: 'bad_request' }) },
  'audit.forTicket': { probe: (f) => f.client.audit.forTicket.query({ ticketId: f.target }), expect: managers },
  // Moving a customer message between tickets is staff work on both tickets.
  'tickets.moveEntry': {
    probe: async (f) => {
      const id = await f.fresh();
      const { entries } = await f.admin.tickets.timeline.query({ id });
      return f.client.tickets.moveEntry.mutate({ id, entryId: entries[0].id, targetId: await f.fresh(), reason: 'wrong thread' });
    },
    expect: staffOnly,
  },
  'audit.security': { probe: (f) => f.client.audit.security.query({ limit: 5 }), expect: adminOnly },
};
