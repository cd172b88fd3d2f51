import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { addBusinessTime } from '../../apps/api/src/sla/business-time.js';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createCompany, createUser } from '../support/people.js';

const { api } = useApi();

const run = Date.now().toString(36);
const weekdays = (spans: [string, string][]) => [1, 2, 3, 4, 5].flatMap((day) => spans.map(([start, end]) => ({ day, start, end })));
const BERLIN_WEEK = weekdays([
  ['09:00', '12:00'],
  ['13:00', '17:00'],
]);

async function staff() {
  const admin = await createUser(api.url, 'admin');
  const agent = await createUser(api.url, 'agent');
  const manager = await createUser(api.url, 'manager');
  return {
    admin: createApiClient({ url: api.url, token: admin.token }),
    agent: createApiClient({ url: api.url, token: agent.token }),
    manager: createApiClient({ url: api.url, token: manager.token }),
    agentToken: agent.token,
  };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return { kind: apiErrorKind(error), fields: apiFieldErrors(error) };
  }
  throw new Error('expected the call to fail');
}

describe('SLA policies and calendars', () => {
  it('saves calendars and business-time policies, previews them, and applies them to tickets of the assigned issue type', async () => {
    const { admin, agent } = await staff();
    const calendar = await admin.sla.saveCalendar.mutate({
      name: `Berlin office ${run}`,
      timezone: 'Europe/Berlin',
      weekly: BERLIN_WEEK,
      holidays: [{ date: '2026-12-25', name: 'Christmas' }],
    });
    expect(calendar).toMatchObject({ timezone: 'Europe/Berlin', holidays: [{ date: '2026-12-25', name: 'Christmas' }] });
    expect(calendar.weekly).toHaveLength(10);

    const bad = await failure(admin.sla.saveCalendar.mutate({ name: `Bad ${run}`, timezone: 'Europe/Berlin', weekly: [{ day: 1, start: '17:00', end: '09:00' }] }));
    expect(bad).toEqual({ kind: 'bad_request', fields: { 'weekly.0': expect.stringMatching(/end must be after start/) } });
    const zone = await failure(admin.sla.saveCalendar.mutate({ name: `Mars ${run}`, timezone: 'Mars/Olympus', weekly: BERLIN_WEEK }));
    expect(zone.fields).toEqual({ timezone: expect.stringMatching(/IANA/) });
    expect((await failure(agent.sla.saveCalendar.mutate({ name: `Agent ${run}`, timezone: 'UTC', weekly: BERLIN_WEEK }))).kind).toBe('forbidden');

    const type = await admin.catalog.saveIssueType.mutate({ name: `Outage ${run}`, description: 'Down', fields: [] });
    const { policies } = await agent.sla.settings.query();
    const defaults = policies.find((p) => p.isDefault)!;
    expect(defaults.targets).toHaveLength(16);
    const policy = await admin.sla.savePolicy.mutate({
      name: `Business ${run}`,
      calendarId: calendar.id,
      businessTime: true,
      targets: defaults.targets,
      assignments: [{ companyId: null, issueTypeId: type.id }],
    });
    expect(policy).toMatchObject({ businessTime: true, calendarName: `Berlin office ${run}`, pauseStatuses: ['waiting_on_customer', 'on_hold'], warnPercent: 75 });

    // The issue's example: Friday 17:30 in Berlin (16:30 UTC in November) + 30 min of business time.
    const preview = await agent.sla.preview.query({ policyId: policy.id, urgency: 'critical', importance: 'high', createdAt: '2026-11-20T16:30:00Z' });
    expect(preview.sentence).toBe('A critical/high ticket created Friday 17:30 is due Monday 09:30');
    // 4 h of business time from Monday 09:00: 09-12 and 13-14 (the lunch break does not count), 14:00 Berlin.
    expect(preview.items.find((i) => i.metric === 'resolution')).toMatchObject({ minutes: 240, dueAt: '2026-11-23T13:00:00.000Z' });
    const rest = await restClient(api.url).get(`/sla/preview?policyId=${policy.id}&urgency=critical&importance=high&createdAt=2026-11-20T16:30:00Z`, (await createUser(api.url, 'agent')).token);
    expect(rest.body.sentence).toBe(preview.sentence);
    const local = await agent.sla.preview.query({ policyId: policy.id, urgency: 'critical', importance: 'high', createdAtLocal: '2026-11-20T17:30' });
    expect(local.sentence).toBe(preview.sentence);
    expect((await failure(agent.sla.preview.query({ policyId: policy.id, urgency: 'critical', importance: 'high' }))).fields).toEqual({ createdAt: expect.any(String) });

    const clash = await failure(
      admin.sla.savePolicy.mutate({ name: `Clash ${run}`, calendarId: calendar.id, targets: defaults.targets, assignments: [{ companyId: null, issueTypeId: type.id }] }),
    );
    expect(clash).toEqual({ kind: 'bad_request', fields: { 'assignments.0': expect.stringContaining(`Business ${run}`) } });
    const dup = await failure(admin.sla.savePolicy.mutate({ name: `Dup ${run}`, calendarId: calendar.id, targets: [defaults.targets[0], defaults.targets[0]] }));
    expect(dup.fields).toEqual({ 'targets.1': expect.stringMatching(/twice/) });

    const customer = await createUser(api.url, 'customer');
    const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({
      subject: 'Site down',
      description: 'x',
      urgency: 'critical',
      importance: 'high',
      issueTypeId: type.id,
    });
    const sla = await eventually(() => agent.sla.forTicket.query({ ticketId: ticket.id }).catch(() => null));
    // The same over REST, for integrators.
    const agentToken = (await createUser(api.url, 'agent')).token;
    const overRest = await restClient(api.url).get(`/tickets/${ticket.id}/sla`, agentToken);
    expect(overRest.body).toMatchObject({ ticketId: ticket.id, policyName: `Business ${run}` });
    const settings = await restClient(api.url).get('/sla/settings', agentToken);
    expect(settings.body.calendars.map((c: { name: string }) => c.name)).toContain(`Berlin office ${run}`);
    expect((await restClient(api.url).get(`/tickets/${ticket.id}/sla`, customer.token)).status).toBe(403);
    expect(sla).toMatchObject({ policyName: `Business ${run}`, reason: expect.stringContaining(`issue type Outage ${run}`) });
    const [{ created_at }] = await sql<{ created_at: Date }>('SELECT created_at FROM tickets WHERE id = ?', [ticket.id]);
    const hours = { timezone: 'Europe/Berlin', weekly: BERLIN_WEEK, holidays: ['2026-12-25'] };
    expect(sla.targets.find((t) => t.metric === 'first_response')!.dueAt).toBe(addBusinessTime(created_at, 30 * 60_000, hours).toISOString());
  });

  it('reports compliance by company for managers, not for agents', async () => {
    const { manager, agent } = await staff();
    const companyId = await createCompany(`Report Co ${run}`);
    const customer = await createUser(api.url, 'customer', { companyId });
    const client = createApiClient({ url: api.url, token: customer.token });
    const ids: number[] = [];
    for (const subject of ['met', 'breached', 'running']) {
      const t = await client.tickets.create.mutate({ subject, description: 'x' });
      await eventually(async () => (await sql('SELECT id FROM ticket_sla_targets WHERE ticket_id = ?', [t.id])).length === 2);
      ids.push(t.id);
    }
    await sql("UPDATE ticket_sla_targets SET met_at = NOW(3) WHERE ticket_id = ? AND metric = 'first_response'", [ids[0]]);
    await sql("UPDATE ticket_sla_targets SET breached_at = NOW(3) WHERE ticket_id = ? AND metric = 'first_response'", [ids[1]]);

    const rows = await manager.sla.compliance.query({ groupBy: 'company', metric: 'first_response' });
    expect(rows.find((r) => r.key === String(companyId))).toEqual({ key: String(companyId), label: `Report Co ${run}`, met: 1, breached: 1, rate: 0.5 });
    const byPolicy = await manager.sla.compliance.query({ groupBy: 'policy' });
    expect(byPolicy.find((r) => r.label === 'Default')!.met).toBeGreaterThanOrEqual(1);
    expect((await failure(agent.sla.compliance.query({ groupBy: 'team' }))).kind).toBe('forbidden');
    expect((await failure(manager.sla.compliance.query({ groupBy: 'team', from: 'yesterday' }))).fields).toEqual({ from: expect.any(String) });
  });

  it('tells customers when to expect an answer only when their company wants it shown', async () => {
    const { admin } = await staff();
    const shown = await createCompany(`Shown ${run}`);
    const hidden = await createCompany(`Hidden ${run}`);
    await admin.sla.setCompanyDisplay.mutate({ companyId: shown, show: true });
    const ask = async (companyId: number) => {
      const customer = await createUser(api.url, 'customer', { companyId });
      const client = createApiClient({ url: api.url, token: customer.token });
      const t = await client.tickets.create.mutate({ subject: 'When?', description: 'x', urgency: 'high', importance: 'high' });
      await eventually(async () => (await sql('SELECT id FROM ticket_sla_targets WHERE ticket_id = ?', [t.id])).length === 2);
      return { client, ticket: t, answer: await client.sla.expectedResponse.query({ ticketId: t.id }) };
    };
    const yes = await ask(shown);
    const [{ created_at }] = await sql<{ created_at: Date }>('SELECT created_at FROM tickets WHERE id = ?', [yes.ticket.id]);
    expect(yes.answer).toEqual({ dueAt: new Date(created_at.getTime() + 2 * 3_600_000).toISOString(), text: 'We aim to answer by' });
    const no = await ask(hidden);
    expect(no.answer).toEqual({ dueAt: null, text: null });
    // Someone else's ticket: not found, whatever the setting.
    expect((await failure(no.client.sla.expectedResponse.query({ ticketId: yes.ticket.id }))).kind).toBe('not_found');
  });
});
