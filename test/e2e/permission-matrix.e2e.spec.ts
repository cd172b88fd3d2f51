import { apiErrorKind, createApiClient, type ApiClient } from '@switchboard/trpc-client';
import type { AddressInfo } from 'node:net';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { DEFAULT_TEMPLATES } from '../../apps/api/src/channels/email/templates/default-templates.js';
import { AppRouterFactory } from '../../apps/api/src/trpc/app-router.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { createUser, TEST_PASSWORD } from '../support/people.js';

/**
 * Every tRPC procedure of the app router x every role, through the real HTTP API. The procedure list
 * is read from the router itself: a new procedure without a row here fails the first test.
 * 'target' is a ticket opened by a customer of a company whose visibility is `company`:
 * coShared is a colleague there, coOwn a user of a company whose visibility is `own`.
 */
const WHO = ['anonymous', 'customer', 'coOwn', 'coShared', 'agent', 'manager', 'admin'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 'unauthorized' | 'forbidden' | 'not_found' | 'bad_request' | 'conflict';

interface Fixtures {
  url: string;
  who: Who;
  client: ApiClient;
  /** The bearer token behind `client` (null for anonymous), for the SSE subscriptions. */
  token: string | null;
  /** The `company`-visibility ticket every read probe targets. */
  target: number;
  /** A new ticket of the same requester, for probes that change or close it. */
  fresh(status?: 'resolved'): Promise<number>;
  /** A client of `who` on a new token, for probes that revoke it. */
  freshClient(): Promise<ApiClient>;
  companyId: number;
  /** A customer the admin moves out of the company (and back, for the next role). */
  customerId: number;
  /** A customer of the company whose company-admin flag is set. */
  memberId: number;
  categoryId: number;
  userId: number | null;
}
type Probe = (f: Fixtures) => Promise<unknown>;

// Shorthands for the rows: every role but anonymous gets `rest`, unless named.
const row = (rest: Outcome, named: Partial<Record<Who, Outcome>> = {}): Record<Who, Outcome> =>
  Object.fromEntries(WHO.map((w) => [w, named[w] ?? (w === 'anonymous' ? 'unauthorized' : rest)])) as Record<Who, Outcome>;
const staffOnly = row('ok', { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden' });
const managers = row('ok', { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden', agent: 'forbidden' });
const adminOnly = row('forbidden', { admin: 'ok' });
const everyone = row('ok');
const publicOk = row('ok', { anonymous: 'ok' });
/** Reading the target: the company colleague may (visibility `company`), other customers get 404. */
const readTarget = row('ok', { customer: 'not_found', coOwn: 'not_found' });
/** Acting on the target as its requester would: colleagues may read it but not act (403), others 404. */
const requesterAction = row('ok', { customer: 'not_found', coOwn: 'not_found', coShared: 'forbidden' });

const SSE_ERROR_CODES: Record<string, Outcome> = {
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  BAD_REQUEST: 'bad_request',
};

/**
 * A live subscription over server-sent events, the way the apps' proxy routes open one: an error is a
 * `serialized-error` event right after `connected` (the access checks run before anything is yielded);
 * a stream still open and quiet after a moment is an accepted subscription.
 */
async function sse(f: Fixtures, procedure: string, input: unknown): Promise<void> {
  const controller = new AbortController();
  const res = await fetch(`${f.url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { accept: 'text/event-stream', ...(f.token ? { authorization: `Bearer ${f.token}` } : {}) },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 400;
  try {
    while (Date.now() < deadline && !text.includes('serialized-error')) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    controller.abort();
  }
  const error = text.match(/event: serialized-error\ndata: (.*)\n/);
  if (error) {
    const code = (JSON.parse(error[1]) as { data?: { code?: string } }).data?.code ?? 'other';
    throw Object.assign(new Error(code), { outcome: SSE_ERROR_CODES[code] ?? `other: ${code}` });
  }
}

/** The same answer for everyone, signed in or not (public procedures that refuse the input itself). */
const all = (outcome: Outcome) => row(outcome, { anonymous: outcome });
/** Staff get `staff`; customers are refused by the rules. */
const staffAnswer = (staff: Outcome) => row(staff, { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden' });
const managersAnswer = (answer: Outcome) => row(answer, { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden', agent: 'forbidden' });

const NO_CHAT = 2_000_000_000;
const noChat = row('forbidden', { agent: 'not_found', manager: 'not_found', admin: 'not_found' });

const MATRIX: Record<string, { probe: Probe; expect: Record<Who, Outcome> }> = {
  // Password reset, verification, two-factor and single sign-on (SSO is not configured in this API).
  'auth.requestPasswordReset': { probe: (f) => f.client.auth.requestPasswordReset.mutate({ email: uniqueEmail('nobody') }), expect: publicOk },
  'auth.resetPassword': { probe: (f) => f.client.auth.resetPassword.mutate({ token: 'sbr_not-a-token', password: 'violet-kettle-42' }), expect: all('bad_request') },
  'auth.verifyEmail': { probe: (f) => f.client.auth.verifyEmail.mutate({ token: 'sbv_not-a-token' }), expect: all('bad_request') },
  'auth.resendVerification': { probe: (f) => f.client.auth.resendVerification.mutate({}), expect: everyone },
  'auth.verifyTwoFactor': { probe: (f) => f.client.auth.verifyTwoFactor.mutate({ challenge: '1.2.forged', code: '123456' }), expect: all('unauthorized') },
  'auth.ssoProviders': { probe: (f) => f.client.auth.ssoProviders.query(), expect: publicOk },
  'auth.ssoStart': { probe: (f) => f.client.auth.ssoStart.mutate({}), expect: all('not_found') },
  'auth.ssoFinish': {
    probe: (f) =>
      f.client.auth.ssoFinish.mutate({ callbackUrl: 'http://127.0.0.1/sso/callback?code=c&state=s', state: 's', nonce: 'n', codeVerifier: 'v'.repeat(43) }),
    expect: all('not_found'),
  },
  // SLAs: staff read policies and ticket SLAs; managers and admins change settings and read compliance.
  'sla.forTicket': { probe: (f) => f.client.sla.forTicket.query({ ticketId: f.target }), expect: staffOnly },
  'sla.forTickets': { probe: (f) => f.client.sla.forTickets.query({ ticketIds: [f.target] }), expect: staffOnly },
  'sla.settings': { probe: (f) => f.client.sla.settings.query({}), expect: staffOnly },
  // Refused input, so nothing is created: who may reach validation is what this row checks.
  'sla.savePolicy': { probe: (f) => f.client.sla.savePolicy.mutate({} as never), expect: row('forbidden', { manager: 'bad_request', admin: 'bad_request' }) },
  'sla.saveCalendar': { probe: (f) => f.client.sla.saveCalendar.mutate({} as never), expect: row('forbidden', { manager: 'bad_request', admin: 'bad_request' }) },
  'sla.preview': {
    probe: async (f) => {
      const { policies } = await ADMIN.sla.settings.query({});
      return f.client.sla.preview.query({ policyId: policies[0].id, urgency: 'high', importance: 'high', createdAt: '2026-11-20T17:30:00Z' });
    },
    expect: staffOnly,
  },
  'sla.compliance': { probe: (f) => f.client.sla.compliance.query({ groupBy: 'policy' }), expect: managers },
  'sla.setCompanyDisplay': { probe: (f) => f.client.sla.setCompanyDisplay.mutate({ companyId: f.companyId, show: false }), expect: managers },
  'sla.expectedResponse': { probe: (f) => f.client.sla.expectedResponse.query({ ticketId: f.target }), expect: readTarget },
  // Phone: customers ask for a callback, staff call back, admins change the Twilio settings.
  'phone.requestCallback': {
    probe: (f) => f.client.phone.requestCallback.mutate({ phone: '+4930123456', window: 'after 5pm' }),
    expect: row('forbidden', { customer: 'ok', coOwn: 'ok', coShared: 'ok', admin: 'ok' }),
  },
  'phone.callBack': { probe: (f) => f.client.phone.callBack.mutate({ id: f.target, agentPhone: '+4930123456' }), expect: staffAnswer('bad_request') },
  'phone.settings': { probe: (f) => f.client.phone.settings.query({}), expect: adminOnly },
  // Refused input, so nothing changes: only admins get as far as validation.
  'phone.updateSettings': { probe: (f) => f.client.phone.updateSettings.mutate({ accountSid: 'nope' } as never), expect: row('forbidden', { admin: 'bad_request' }) },
  // Knowledge base: reading is public (filtered by visibility in SQL); staff write; managers see misses.
  'kb.search': { probe: (f) => f.client.kb.search.query({ q: 'password reset' }), expect: publicOk },
  'kb.suggest': { probe: (f) => f.client.kb.suggest.query({ q: 'pass' }), expect: publicOk },
  'kb.article': { probe: (f) => f.client.kb.article.query({ slug: 'no-such-article-anywhere' }), expect: all('not_found') },
  'kb.categories': { probe: (f) => f.client.kb.categories.query(), expect: publicOk },
  'kb.category': { probe: (f) => f.client.kb.category.query({ slug: 'no-such-category-anywhere' }), expect: all('not_found') },
  'kb.sitemap': { probe: (f) => f.client.kb.sitemap.query(), expect: publicOk },
  'kb.recordView': { probe: (f) => f.client.kb.recordView.mutate({ id: 2_000_000_000 }), expect: all('not_found') },
  'kb.rate': { probe: (f) => f.client.kb.rate.mutate({ id: 2_000_000_000, helpful: true }), expect: all('not_found') },
  'kb.deflect': { probe: (f) => f.client.kb.deflect.mutate({ articleId: 2_000_000_000, query: 'x' }), expect: all('not_found') },
  'kb.list': { probe: (f) => f.client.kb.list.query({}), expect: staffOnly },
  'kb.get': { probe: (f) => f.client.kb.get.query({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
  // Refused input, so nothing is written: who may reach validation is what these rows check.
  'kb.create': { probe: (f) => f.client.kb.create.mutate({} as never), expect: staffAnswer('bad_request') },
  'kb.update': { probe: (f) => f.client.kb.update.mutate({} as never), expect: staffAnswer('bad_request') },
  'kb.setState': { probe: (f) => f.client.kb.setState.mutate({} as never), expect: staffAnswer('bad_request') },
  'kb.history': { probe: (f) => f.client.kb.history.query({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
  'kb.diff': { probe: (f) => f.client.kb.diff.query({} as never), expect: staffAnswer('bad_request') },
  'kb.restore': { probe: (f) => f.client.kb.restore.mutate({} as never), expect: staffAnswer('bad_request') },
  // The target is not resolved: staff are told so (400), customers are refused first.
  'kb.draftFromTicket': { probe: (f) => f.client.kb.draftFromTicket.mutate({ ticketId: f.target, categoryId: 2_000_000_000 }), expect: staffAnswer('bad_request') },
  'kb.saveCategory': { probe: (f) => f.client.kb.saveCategory.mutate({ name: unique('KB matrix') }), expect: managers },
  'kb.searchMisses': { probe: (f) => f.client.kb.searchMisses.query(), expect: managers },
  'kb.reorderCategories': { probe: (f) => f.client.kb.reorderCategories.mutate({ parentId: 2_000_000_000, ids: [1] }), expect: managersAnswer('not_found') },
  'kb.locales': { probe: (f) => f.client.kb.locales.query(), expect: publicOk },
  'kb.ratings': { probe: (f) => f.client.kb.ratings.query({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
  // In-app notifications and live updates (subscriptions are probed over SSE, like the apps do).
  'inbox.list': { probe: (f) => f.client.inbox.list.query({}), expect: everyone },
  'inbox.markRead': { probe: (f) => f.client.inbox.markRead.mutate({ all: true }), expect: everyone },
  'inbox.preferences': { probe: (f) => f.client.inbox.preferences.query(), expect: everyone },
  'inbox.updatePreferences': {
    probe: async (f) => f.client.inbox.updatePreferences.mutate(await f.client.inbox.preferences.query()),
    expect: everyone,
  },
  'live.ticket': { probe: (f) => sse(f, 'live.ticket', { ticketId: f.target }), expect: readTarget },
  'live.queue': { probe: (f) => sse(f, 'live.queue', {}), expect: everyone },
  'live.notifications': { probe: (f) => sse(f, 'live.notifications', {}), expect: everyone },
  'live.presence': { probe: (f) => sse(f, 'live.presence', { ticketId: f.target }), expect: readTarget },
  'live.heartbeat': { probe: (f) => f.client.live.heartbeat.mutate({ ticketId: f.target, state: 'viewing' }), expect: staffOnly },
  // Read receipts: anyone who may read the ticket marks what they have seen (an entry not on it: 400); only staff list them.
  'live.seen': {
    probe: (f) => f.client.live.seen.mutate({ ticketId: f.target, entryId: 2_000_000_000 }),
    expect: row('bad_request', { customer: 'not_found', coOwn: 'not_found' }),
  },
  'live.receipts': { probe: (f) => f.client.live.receipts.query({ ticketId: f.target }), expect: staffOnly },
  // The signed-in user's own sessions, API keys and second factor.
  'account.sessions': { probe: (f) => f.client.account.sessions.query({}), expect: everyone },
  'account.revokeSession': { probe: (f) => f.client.account.revokeSession.mutate({ id: 2_000_000_000 }), expect: row('not_found') },
  // From the probe's own client: every other session of that user ends, this one stays.
  'account.revokeOtherSessions': { probe: (f) => f.client.account.revokeOtherSessions.mutate({}), expect: everyone },
  'account.apiKeys': { probe: (f) => f.client.account.apiKeys.query({}), expect: staffOnly },
  'account.createApiKey': { probe: (f) => f.client.account.createApiKey.mutate({ name: 'matrix', scope: 'read' }), expect: staffOnly },
  'account.revokeApiKey': { probe: (f) => f.client.account.revokeApiKey.mutate({ id: 2_000_000_000 }), expect: staffAnswer('not_found') },
  'account.twoFactorStatus': { probe: (f) => f.client.account.twoFactorStatus.query({}), expect: everyone },
  'account.setupTwoFactor': { probe: (f) => f.client.account.setupTwoFactor.mutate({}), expect: staffOnly },
  'account.enableTwoFactor': {
    probe: async (f) => {
      await f.client.account.setupTwoFactor.mutate({}).catch(() => undefined);
      return f.client.account.enableTwoFactor.mutate({ code: '000000' });
    },
    expect: staffAnswer('bad_request'),
  },
  // Not on for anyone here: staff get 409 (nothing to turn off), customers are refused first.
  'account.disableTwoFactor': { probe: (f) => f.client.account.disableTwoFactor.mutate({ code: '000000' }), expect: staffAnswer('conflict') },
  'auth.login': { probe: (f) => f.client.auth.login.mutate({ email: LOGIN.email, password: TEST_PASSWORD }), expect: publicOk },
  'auth.register': { probe: (f) => f.client.auth.register.mutate({ name: 'New', email: uniqueEmail('reg'), password: 'a-long-password' }), expect: publicOk },
  'auth.logout': { probe: async (f) => (await f.freshClient()).auth.logout.mutate({}), expect: everyone },
  'auth.me': { probe: (f) => f.client.auth.me.query(), expect: everyone },
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
      const { entries } = await ADMIN.tickets.timeline.query({ id });
      return f.client.tickets.split.mutate({ id, entryId: entries[0].id });
    },
    expect: staffOnly,
  },
  'outbox.list': { probe: (f) => f.client.outbox.list.query({}), expect: staffOnly },
  'catalog.get': { probe: (f) => f.client.catalog.get.query(), expect: everyone },
  'catalog.saveIssueType': { probe: (f) => f.client.catalog.saveIssueType.mutate({ name: unique('Type') }), expect: adminOnly },
  'catalog.saveCategory': { probe: (f) => f.client.catalog.saveCategory.mutate({ name: unique('Cat') }), expect: adminOnly },
  'catalog.saveTeam': { probe: (f) => f.client.catalog.saveTeam.mutate({ name: unique('Team') }), expect: adminOnly },
  'views.list': { probe: (f) => f.client.views.list.query(), expect: staffOnly },
  'views.save': { probe: (f) => f.client.views.save.mutate({ name: unique('View'), filters: {} }), expect: staffOnly },
  'views.delete': {
    probe: async (f) => {
      // Each staff member deletes a view of their own; customers try the admin's.
      const owner = f.who === 'agent' || f.who === 'manager' || f.who === 'admin' ? f.client : ADMIN;
      const view = await owner.views.save.mutate({ name: unique('Gone'), filters: {} });
      return f.client.views.delete.mutate({ id: view.id });
    },
    expect: staffOnly,
  },
  // Only the requester rates (admins too are refused); a colleague who may read the ticket still does not see its rating.
  'satisfaction.rate': { probe: async (f) => f.client.satisfaction.rate.mutate({ ticketId: await f.fresh('resolved'), rating: 5 }), expect: row('forbidden', { customer: 'not_found', coOwn: 'not_found', coShared: 'not_found' }) },
  'satisfaction.forTicket': { probe: (f) => f.client.satisfaction.forTicket.query({ ticketId: f.target }), expect: row('ok', { customer: 'not_found', coOwn: 'not_found', coShared: 'not_found' }) },
  'satisfaction.rateByToken': { probe: (f) => f.client.satisfaction.rateByToken.mutate({ token: 'not-a-token', rating: 3 }), expect: row('bad_request', { anonymous: 'bad_request' }) },
  'audit.forTicket': { probe: (f) => f.client.audit.forTicket.query({ ticketId: f.target }), expect: managers },
  'people.agents': { probe: (f) => f.client.people.agents.query(), expect: staffOnly },
  'people.agent': { probe: (f) => f.client.people.agent.query({ id: STAFF_ID() }), expect: staffOnly },
  'people.updateAgent': { probe: (f) => f.client.people.updateAgent.mutate({ id: STAFF_ID(), capacity: 11 }), expect: managers },
  'people.setSkills': { probe: (f) => f.client.people.setSkills.mutate({ id: STAFF_ID(), skills: [] }), expect: managers },
  'people.setAvailability': { probe: (f) => f.client.people.setAvailability.mutate({ availability: 'away' }), expect: staffOnly },
  'people.invite': { probe: (f) => f.client.people.invite.mutate({ email: uniqueEmail('inv'), name: 'Invitee', role: 'agent' }), expect: adminOnly },
  'people.acceptInvitation': { probe: (f) => f.client.people.acceptInvitation.mutate({ token: 'x.y', name: 'N', password: 'long-enough-pw' }), expect: row('bad_request', { anonymous: 'bad_request' }) },
  'people.skills': { probe: (f) => f.client.people.skills.query(), expect: staffOnly },
  'people.saveSkill': { probe: (f) => f.client.people.saveSkill.mutate({ name: unique('Skill') }), expect: managers },
  'people.teams': { probe: (f) => f.client.people.teams.query(), expect: staffOnly },
  'people.saveTeam': { probe: (f) => f.client.people.saveTeam.mutate({ name: unique('Team') }), expect: managers },
  'companies.list': { probe: (f) => f.client.companies.list.query(), expect: row('ok', { customer: 'forbidden' }) },
  'companies.save': { probe: (f) => f.client.companies.save.mutate({ name: unique('Co') }), expect: adminOnly },
  'companies.members': { probe: (f) => f.client.companies.members.query({ companyId: f.companyId }), expect: managers },
  'companies.moveCustomer': { probe: (f) => f.client.companies.moveCustomer.mutate({ userId: f.customerId, companyId: null }), expect: adminOnly },
  'companies.setCompanyAdmin': { probe: (f) => f.client.companies.setCompanyAdmin.mutate({ userId: f.memberId, companyAdmin: false }), expect: adminOnly },
  'routing.rules': { probe: (f) => f.client.routing.rules.query(), expect: staffOnly },
  'routing.setRule': { probe: (f) => f.client.routing.setRule.mutate({ kind: 'category', id: f.categoryId, teamId: null, skillId: null }), expect: managers },
  // The email channel: the inbound log and templates are the admins'; route reasons are for staff who may work the ticket.
  'email.inbound': { probe: (f) => f.client.email.inbound.query({ status: ['failed'] }), expect: adminOnly },
  'email.retry': { probe: (f) => f.client.email.retry.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  'email.entryRoutes': { probe: (f) => f.client.email.entryRoutes.query({ ticketId: f.target }), expect: staffOnly },
  'email.template': { probe: (f) => f.client.email.template.query({ companyId: f.companyId, kind: 'acknowledgement' }), expect: adminOnly },
  // Saves the built-in text for the fixture company: nothing any other test sees changes.
  'email.saveTemplate': {
    probe: (f) => f.client.email.saveTemplate.mutate({ companyId: f.companyId, kind: 'acknowledgement', enabled: true, ...DEFAULT_TEMPLATES.acknowledgement }),
    expect: adminOnly,
  },
  // Support addresses per company/brand are the admins' (an address no other test sends to).
  'email.addresses': { probe: (f) => f.client.email.addresses.query(), expect: adminOnly },
  'email.saveAddress': {
    probe: (f) => f.client.email.saveAddress.mutate({ address: `matrix-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@brand.test`, companyId: f.companyId }),
    expect: adminOnly,
  },
  'email.previewTemplate': {
    probe: (f) => f.client.email.previewTemplate.mutate({ companyId: null, kind: 'csat', enabled: true, ...DEFAULT_TEMPLATES.csat }),
    expect: adminOnly,
  },
  // Moving a customer message between tickets is staff work on both tickets.
  'tickets.moveEntry': {
    probe: async (f) => {
      const id = await f.fresh();
      const { entries } = await ADMIN.tickets.timeline.query({ id });
      return f.client.tickets.moveEntry.mutate({ id, entryId: entries[0].id, targetId: await f.fresh(), reason: 'wrong thread' });
    },
    expect: staffOnly,
  },
  // The original of an emailed entry is for staff who may work the ticket; the target has no emailed entry, hence not_found for them.
  'email.entryOriginal': {
    probe: async (f) => {
      const { entries } = await ADMIN.tickets.timeline.query({ id: f.target });
      return f.client.email.entryOriginal.query({ ticketId: f.target, entryId: entries[0].id });
    },
    expect: row('not_found', { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden' }),
  },
  'email.removeAddress': { probe: (f) => f.client.email.removeAddress.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  // WhatsApp templates: staff list and send them; the target is not a WhatsApp ticket, so sending stops at validation.
  'phone.whatsappTemplates': { probe: (f) => f.client.phone.whatsappTemplates.query({}), expect: staffOnly },
  'phone.sendWhatsappTemplate': {
    probe: (f) => f.client.phone.sendWhatsappTemplate.mutate({ id: f.target, template: 'nope', variables: {} }),
    expect: staffAnswer('bad_request'),
  },
  // Chats: staff only (visitors use the widget API, not tRPC); a chat that does not exist is 404 for staff.
  'chat.list': { probe: (f) => f.client.chat.list.query({ state: 'open' }), expect: staffOnly },
  'chat.get': { probe: (f) => f.client.chat.get.query({ chatId: NO_CHAT }), expect: noChat },
  'chat.accept': { probe: (f) => f.client.chat.accept.mutate({ chatId: NO_CHAT }), expect: noChat },
  'chat.transfer': { probe: (f) => f.client.chat.transfer.mutate({ chatId: NO_CHAT, agentId: STAFF_ID() }), expect: noChat },
  'chat.reply': { probe: (f) => f.client.chat.reply.mutate({ chatId: NO_CHAT, body: 'hi' }), expect: noChat },
  'chat.end': { probe: (f) => f.client.chat.end.mutate({ chatId: NO_CHAT }), expect: noChat },
  'chat.cannedReplies': { probe: (f) => f.client.chat.cannedReplies.query(), expect: staffOnly },
  'chat.saveCannedReply': { probe: (f) => f.client.chat.saveCannedReply.mutate({ title: unique('Canned'), body: 'Hello!' }), expect: managers },
  'chat.settings': { probe: (f) => f.client.chat.settings.query({ companyId: f.companyId }), expect: adminOnly },
  'chat.saveSettings': { probe: (f) => f.client.chat.saveSettings.mutate({ companyId: f.companyId, enabled: false }), expect: adminOnly },
  // The CRM view and notes about customers are staff-only; company admins included, customers never get them.
  'customers.profile': { probe: (f) => f.client.customers.profile.query({ id: f.customerId }), expect: staffOnly },
  // Company admins manage their own company's users; the fixtures' company admin is not a probe role, so only admins pass here.
  'companies.inviteMember': { probe: (f) => f.client.companies.inviteMember.mutate({ companyId: f.companyId, email: uniqueEmail('member'), name: 'New member' }), expect: adminOnly },
  'companies.removeMember': { probe: (f) => f.client.companies.removeMember.mutate({ userId: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  // Two-factor is not on for anyone here: staff get 409, customers are refused first.
  'account.regenerateRecoveryCodes': { probe: (f) => f.client.account.regenerateRecoveryCodes.mutate({ code: '000000' }), expect: staffAnswer('conflict') },
  'account.resetUserTwoFactor': { probe: (f) => f.client.account.resetUserTwoFactor.mutate({ userId: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  'account.securitySettings': { probe: (f) => f.client.account.securitySettings.query({}), expect: adminOnly },
  // Saves "nobody is required", as every other test runs: the one test that requires it has a database of its own.
  'account.saveSecuritySettings': { probe: (f) => f.client.account.saveSecuritySettings.mutate({ twoFactorRoles: [] }), expect: adminOnly },
  'audit.security': { probe: (f) => f.client.audit.security.query({ limit: 5 }), expect: adminOnly },
  'customers.addNote': { probe: (f) => f.client.customers.addNote.mutate({ customerId: f.customerId, body: 'Prefers email' }), expect: staffOnly },
  // Failed background work is admins' alone, managers included out (docs/decisions/023); a topic nothing failed in retries nothing.
  'failedWork.list': { probe: (f) => f.client.failedWork.list.query({ limit: 5 }), expect: adminOnly },
  'failedWork.counts': { probe: (f) => f.client.failedWork.counts.query(), expect: adminOnly },
  'failedWork.retry': { probe: (f) => f.client.failedWork.retry.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  'failedWork.retryTopic': { probe: (f) => f.client.failedWork.retryTopic.mutate({ topic: 'matrix.nothing_failed' }), expect: adminOnly },
  'failedWork.dismiss': { probe: (f) => f.client.failedWork.dismiss.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  // The agent's live chat list: staff only, like chat.list.
  'live.chats': { probe: (f) => sse(f, 'live.chats', {}), expect: staffOnly },
  // Single sign-on group provisioning is the admins' (decision 027); the save names a missing team, so it changes nothing.
  'account.ssoGroupMappings': { probe: (f) => f.client.account.ssoGroupMappings.query({}), expect: adminOnly },
  'account.saveSsoGroupMappings': {
    probe: (f) => f.client.account.saveSsoGroupMappings.mutate({ mappings: [{ group: 'matrix-group', teamId: 2_000_000_000 }] }),
    expect: row('forbidden', { admin: 'bad_request' }),
  },
};

let app: Awaited<ReturnType<typeof createApi>>['app'];
let url: string;
let procedures: string[];
let ADMIN: ApiClient;
let LOGIN: { email: string };
let staffId = 0;
const STAFF_ID = () => staffId;
let counter = 0;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${counter++}`;
const fixtures = {} as Record<Who, Fixtures>;

beforeAll(async () => {
  ({ app } = await createApi());
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  procedures = Object.keys((app.get(AppRouterFactory).build() as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();

  const admin = await createUser(url, 'admin');
  ADMIN = createApiClient({ url, token: admin.token });
  const shared = await ADMIN.companies.save.mutate({ name: unique('Shared'), ticketVisibility: 'company' });
  const own = await ADMIN.companies.save.mutate({ name: unique('Own'), ticketVisibility: 'own' });
  const requester = await createUser(url, 'customer', { companyId: shared.id });
  const requesterClient = createApiClient({ url, token: requester.token });
  const target = (await requesterClient.tickets.create.mutate({ subject: 'Target', description: 'x' })).id;
  const moved = await createUser(url, 'customer', { companyId: shared.id });
  const member = await createUser(url, 'customer', { companyId: shared.id });
  const category = await ADMIN.catalog.saveCategory.mutate({ name: unique('Matrix') });
  const staffTarget = await createUser(url, 'agent');
  staffId = staffTarget.id;
  LOGIN = { email: requester.email };

  const users: Record<Who, { token: string | null; id: number | null; email: string | null; role: string }> = {
    anonymous: { token: null, id: null, email: null, role: 'none' },
    customer: await createUser(url, 'customer'),
    coOwn: await createUser(url, 'customer', { companyId: own.id }),
    coShared: await createUser(url, 'customer', { companyId: shared.id }),
    agent: await createUser(url, 'agent'),
    manager: await createUser(url, 'manager'),
    admin,
  };
  for (const who of WHO) {
    const u = users[who];
    fixtures[who] = {
      url,
      who,
      client: createApiClient({ url, token: u.token ?? undefined }),
      token: u.token,
      target,
      companyId: shared.id,
      customerId: moved.id,
      memberId: member.id,
      categoryId: category.id,
      userId: u.id,
      async fresh(status) {
        const id = (await requesterClient.tickets.create.mutate({ subject: 'Fresh', description: 'first message' })).id;
        if (status) await ADMIN.tickets.update.mutate({ id, status });
        return id;
      },
      async freshClient() {
        if (!u.email) return createApiClient({ url });
        const { body } = await restClient(url).post('/auth/token', { email: u.email, password: TEST_PASSWORD });
        return createApiClient({ url, token: body.token });
      },
    };
  }
});
afterAll(() => app.close());

async function outcome(probe: Probe, f: Fixtures): Promise<Outcome | string> {
  try {
    await probe(f);
    return 'ok';
  } catch (error) {
    const sseOutcome = (error as { outcome?: string }).outcome;
    if (sseOutcome) return sseOutcome;
    const kind = apiErrorKind(error);
    return kind === 'other' ? `other: ${(error as Error).message}` : kind;
  }
}

describe('permission matrix', () => {
  it('has a row for every procedure of the app router, and no row for a procedure that is gone', () => {
    expect(procedures.length).toBeGreaterThan(40);
    expect(Object.keys(MATRIX).sort()).toEqual(procedures);
  });

  it.each(WHO.map((who) => [who]))('%s: every procedure answers as the matrix says', async (who) => {
    const results: Record<string, Outcome | string> = {};
    const expected: Record<string, Outcome> = {};
    for (const name of procedures) {
      const entry = MATRIX[name];
      if (!entry) continue;
      results[name] = await outcome(entry.probe, fixtures[who as Who]);
      expected[name] = entry.expect[who as Who];
    }
    expect(results).toEqual(expected);
  }, 60_000);
});
