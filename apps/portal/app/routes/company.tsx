import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import type { ApiProblem } from '../api.server';
import { formFailure, requireApi, throwApiFailure } from '../api.server';
import { ErrorView } from '../components/error-view';
import { Field } from '../components/field';
import { Flash, FormError } from '../components/flash';
import { ticketNumber } from '../labels';
import { commitSession, takeFlash } from '../session.server';

export const meta: MetaFunction = () => [{ title: 'Company · Switchboard Support' }];

/** Only a company admin manages the company's users; anyone else gets the same 404 as a missing page. */
async function requireCompanyAdmin(request: Request) {
  const context = await requireApi(request);
  let me;
  try {
    me = await context.api.auth.me.query();
  } catch (error) {
    return throwApiFailure(error, request, context.session, 'That page');
  }
  if (!me.companyId || !me.companyAdmin) {
    throw data<ApiProblem>({ kind: 'not_found', message: 'Only your company’s administrators manage its users.' }, { status: 404 });
  }
  return { ...context, me, companyId: me.companyId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, me, companyId } = await requireCompanyAdmin(request);
  try {
    const [companies, members] = await Promise.all([api.companies.list.query(), api.companies.members.query({ companyId })]);
    const company = companies.find((c) => c.id === companyId)!;
    // Colleagues' tickets are the company's only when the company says so; the API filters either way.
    const tickets = company.ticketVisibility === 'company' ? (await api.tickets.list.query({ companyId, pageSize: 25, sort: 'updated', direction: 'desc' })).items : [];
    const flash = takeFlash(session);
    return data(
      {
        me: { id: me.id },
        company: { name: company.name, ticketVisibility: company.ticketVisibility },
        members,
        tickets: tickets.map((t) => ({ id: t.id, number: ticketNumber(t), subject: t.subject, requester: t.requester.name, status: t.status })),
        flash,
      },
      flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
    );
  } catch (error) {
    return throwApiFailure(error, request, session, 'That page');
  }
}

/** intent=invite sends an invitation; intent=remove takes someone out of the company; intent=admin grants or takes the admin right. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session, companyId } = await requireCompanyAdmin(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') };
  let message: string;
  try {
    if (intent === 'invite') {
      const invitation = await api.companies.inviteMember.mutate({ companyId, email: values.email, name: values.name });
      message = `Invitation sent to ${invitation.email}.`;
    } else if (intent === 'remove') {
      await api.companies.removeMember.mutate({ userId: Number(form.get('userId')) });
      message = 'Removed from the company.';
    } else if (intent === 'admin') {
      await api.companies.setCompanyAdmin.mutate({ userId: Number(form.get('userId')), companyAdmin: form.get('companyAdmin') === 'true' });
      message = 'Saved.';
    } else {
      return data({ intent, values, fieldErrors: {} as Record<string, string>, formError: 'Unknown action.' }, { status: 400 });
    }
  } catch (error) {
    const failure = await formFailure(error, request, session, { not_found: 'That person is not in your company.' });
    return data({ intent, values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
  session.flash('flash', message);
  return redirect('/company', { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function CompanyPage() {
  const { me, company, members, tickets, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const inviteErrors: Record<string, string | undefined> = result?.intent === 'invite' ? result.fieldErrors : {};
  return (
    <section className="company" data-testid="company-page">
      <div className="page-title">
        <h1>{company.name}</h1>
      </div>
      <Flash message={flash} />
      <FormError message={result?.formError && result.intent !== 'invite' ? result.formError : null} />
      <p className="muted">
        {company.ticketVisibility === 'company'
          ? 'Everyone in the company sees the company’s tickets.'
          : 'Each person sees only their own tickets.'}
      </p>

      <h2>People</h2>
      <ul className="ticket-list" data-testid="member-list">
        {members.map((m) => (
          <li key={m.id} className="ticket-row__link" data-testid="member-row" data-email={m.email}>
            <span className="ticket-row__subject">
              {m.name} <span className="muted">{m.email}</span>
            </span>
            <span className="ticket-row__meta">
              {m.status === 'pending' ? 'invited' : m.companyAdmin ? 'administrator' : 'member'}
              {m.id !== me.id ? (
                <>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="admin" />
                    <input type="hidden" name="userId" value={m.id} />
                    <input type="hidden" name="companyAdmin" value={m.companyAdmin ? 'false' : 'true'} />
                    <button type="submit" className="link-button">
                      {m.companyAdmin ? 'Make member' : 'Make administrator'}
                    </button>
                  </Form>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={m.id} />
                    <button type="submit" className="link-button" data-testid="remove-member">
                      Remove<span className="visually-hidden"> {m.name}</span>
                    </button>
                  </Form>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>

      <h2>Invite someone</h2>
      <FormError message={result?.intent === 'invite' ? result.formError : null} />
      <Form method="post" className="form" data-testid="invite-form" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <Field id="invite-name" label="Name" error={inviteErrors.name}>
          {(aria) => <input {...aria} name="name" required maxLength={120} defaultValue={result?.intent === 'invite' ? result.values.name : ''} />}
        </Field>
        <Field id="invite-email" label="Email" error={inviteErrors.email}>
          {(aria) => <input {...aria} name="email" type="email" required defaultValue={result?.intent === 'invite' ? result.values.email : ''} />}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          Send invitation
        </button>
      </Form>

      {company.ticketVisibility === 'company' ? (
        <>
          <h2>Company tickets</h2>
          <ul className="ticket-list" data-testid="company-tickets">
            {tickets.map((t) => (
              <li key={t.id}>
                <Link to={`/tickets/${t.id}`} className="ticket-row__link">
                  <span className="ticket-row__number">{t.number}</span>
                  <span className="ticket-row__subject">{t.subject}</span>
                  <span className="ticket-row__meta">{t.requester}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
