import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import { useApi } from '../support/api.js';
import { eventually, sql } from '../support/db.js';
import { restClient, uniqueEmail } from '../support/http.js';
import { createUser } from '../support/people.js';
import { staffFixtures } from '../support/staff.js';

/** Company admins run their company's users from the portal: invite (branded email, portal link) and remove. */
const { api } = useApi({ worker: true });
let fx: ReturnType<typeof staffFixtures>;
beforeAll(async () => {
  fx = staffFixtures(api.url, (await createUser(api.url, 'admin')).token);
});

const kind = (promise: Promise<unknown>) => promise.then(() => 'ok', (e) => apiErrorKind(e));
const clientOf = (token: string) => createApiClient({ url: api.url, token });

async function companyWithAdmin() {
  const company = await fx.admin.companies.save.mutate({
    name: fx.unique('Initech'),
    ticketVisibility: 'company',
    brandName: 'Initech Support',
    brandPrimaryColor: '#003366',
    brandLogoUrl: 'https://initech.example/logo.png',
  });
  const boss = await createUser(api.url, 'customer', { companyId: company.id, name: 'Bill Boss' });
  await fx.admin.companies.setCompanyAdmin.mutate({ userId: boss.id, companyAdmin: true });
  return { company, boss, asBoss: clientOf(boss.token) };
}

describe('company admin: invitations', () => {
  it('invites into the company with a branded email and a portal link; accepting joins the company', async () => {
    const { company, asBoss } = await companyWithAdmin();
    const email = uniqueEmail('peter');
    const invitation = await asBoss.companies.inviteMember.mutate({ companyId: company.id, email, name: 'Peter' });
    expect(invitation).toMatchObject({ email, companyId: company.id });
    const [pending] = await sql<{ status: string; role: string; company_id: number }>('SELECT status, role, company_id FROM users WHERE id = ?', [invitation.userId]);
    expect(pending).toEqual({ status: 'pending', role: 'customer', company_id: company.id });

    const mail = await eventually(async () => (await sql<{ subject: string; body: string }>('SELECT subject, body FROM outbound_messages WHERE recipient = ?', [email]))[0]);
    expect(mail.subject).toBe('Bill Boss invited you to Initech Support support');
    const [, link, token] = mail.body.match(/(http\S+\/invitation\?token=(\S+))/)!;
    expect(link.startsWith('http://localhost:3000/invitation?token=')).toBe(true);
    const accepted = await createApiClient({ url: api.url }).people.acceptInvitation.mutate({ token: decodeURIComponent(token), name: 'Peter Gibbons', password: 'tps-reports-2026' });
    expect(accepted.user).toMatchObject({ id: invitation.userId, role: 'customer', companyId: company.id });
    expect((await asBoss.companies.members.query({ companyId: company.id })).map((m) => m.email)).toContain(email);
    const [audit] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'company.member_invited' AND subject_id = ?", [String(invitation.userId)]);
    expect(Number(audit.n)).toBe(1);
  });

  it('refuses other companies, existing accounts, bad input, plain members, staff below admin', async () => {
    const { company, boss, asBoss } = await companyWithAdmin();
    const other = await fx.admin.companies.save.mutate({ name: fx.unique('Other') });
    expect(await kind(asBoss.companies.inviteMember.mutate({ companyId: other.id, email: uniqueEmail('x'), name: 'X' }))).toBe('not_found');
    const existing = await createUser(api.url, 'customer');
    const taken = await asBoss.companies.inviteMember.mutate({ companyId: company.id, email: existing.email, name: 'X' }).catch((e) => e);
    expect(apiErrorKind(taken)).toBe('conflict');
    expect(apiFieldErrors(taken)).toHaveProperty('email');
    expect(apiFieldErrors(await asBoss.companies.inviteMember.mutate({ companyId: company.id, email: 'not-an-email', name: 'X' }).catch((e) => e))).toHaveProperty('email');
    expect(apiFieldErrors(await asBoss.companies.inviteMember.mutate({ companyId: company.id, email: uniqueEmail('y'), name: ' ' }).catch((e) => e))).toHaveProperty('name');
    const member = await createUser(api.url, 'customer', { companyId: company.id });
    expect(await kind(clientOf(member.token).companies.inviteMember.mutate({ companyId: company.id, email: uniqueEmail('z'), name: 'Z' }))).toBe('forbidden');
    const manager = await fx.agent({ role: 'manager', online: false });
    expect(await kind(manager.client.companies.inviteMember.mutate({ companyId: company.id, email: uniqueEmail('m'), name: 'M' }))).toBe('forbidden');
    expect(await kind(fx.admin.companies.inviteMember.mutate({ companyId: company.id, email: uniqueEmail('a'), name: 'A' }))).toBe('ok');
    // REST is the same procedure.
    const rest = await restClient(api.url).post(`/companies/${company.id}/invitations`, { email: uniqueEmail('rest'), name: 'Rest' }, boss.token);
    expect(rest.status).toBe(200);
  });
});

describe('company admin: removing a member', () => {
  it('takes the member out with their tickets, so colleagues stop seeing them; the person keeps their account', async () => {
    const { company, boss, asBoss } = await companyWithAdmin();
    const leaver = await createUser(api.url, 'customer', { companyId: company.id });
    const ticket = await clientOf(leaver.token).tickets.create.mutate({ subject: 'Stapler', description: 'Red one' });
    expect((await asBoss.tickets.list.query({ pageSize: 100 })).items.map((t) => t.id)).toContain(ticket.id);

    expect(await asBoss.companies.removeMember.mutate({ userId: leaver.id })).toEqual({ userId: leaver.id, companyId: null, ticketsMoved: 1 });
    expect((await asBoss.tickets.list.query({ pageSize: 100 })).items.map((t) => t.id)).not.toContain(ticket.id);
    expect((await asBoss.companies.members.query({ companyId: company.id })).map((m) => m.id)).toEqual([boss.id]);
    // Still their ticket, still signed in.
    expect((await clientOf(leaver.token).tickets.get.query({ id: ticket.id })).companyId).toBeNull();
    // Gone from the company: the boss no longer sees or removes them.
    expect(await kind(asBoss.companies.removeMember.mutate({ userId: leaver.id }))).toBe('not_found');
    const [audit] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'company.member_removed' AND subject_id = ?", [String(leaver.id)]);
    expect(Number(audit.n)).toBe(1);
  });

  it('refuses strangers, staff, plain members and removing yourself', async () => {
    const { company, boss, asBoss } = await companyWithAdmin();
    const stranger = await createUser(api.url, 'customer', { companyId: (await fx.admin.companies.save.mutate({ name: fx.unique('Else') })).id });
    expect(await kind(asBoss.companies.removeMember.mutate({ userId: stranger.id }))).toBe('not_found');
    const agent = await fx.agent({ online: false });
    expect(await kind(asBoss.companies.removeMember.mutate({ userId: agent.id }))).toBe('not_found');
    const self = await asBoss.companies.removeMember.mutate({ userId: boss.id }).catch((e) => e);
    expect(apiFieldErrors(self)).toHaveProperty('userId');
    const member = await createUser(api.url, 'customer', { companyId: company.id });
    expect(await kind(clientOf(member.token).companies.removeMember.mutate({ userId: boss.id }))).toBe('forbidden');
    expect(await kind(agent.client.companies.removeMember.mutate({ userId: member.id }))).toBe('forbidden');
    const rest = await restClient(api.url).post('/companies/remove-member', { userId: member.id }, boss.token);
    expect(rest.status).toBe(200);
  });
});

describe('branding', () => {
  it('reaches the acknowledgement email’s template context', async () => {
    const { company, asBoss } = await companyWithAdmin();
    await fx.admin.email.saveTemplate.mutate({
      companyId: company.id,
      kind: 'acknowledgement',
      enabled: true,
      subject: '{{ company.brand.name }} got #{{ ticket.id }}',
      text: 'Logo {{ company.brand.logo_url }} colour {{ company.brand.primary_color }}',
      html: null,
    });
    const ticket = await asBoss.tickets.create.mutate({ subject: 'Branded', description: 'x' });
    const mail = await eventually(async () => (await sql<{ subject: string; body: string }>('SELECT subject, body FROM outbound_messages WHERE ticket_id = ?', [ticket.id]))[0], 20_000);
    expect(mail.subject).toBe(`Initech Support got #${ticket.id}`);
    expect(mail.body).toContain('Logo https://initech.example/logo.png colour #003366');
  });

  it('refuses a logo address that is not https', async () => {
    const bad = await fx.admin.companies.save.mutate({ name: fx.unique('Bad'), brandLogoUrl: 'javascript:alert(1)' }).catch((e) => e);
    expect(apiFieldErrors(bad)).toHaveProperty('brandLogoUrl');
  });
});
