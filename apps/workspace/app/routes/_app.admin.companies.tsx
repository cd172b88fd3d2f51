import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { Company } from '@switchboard/contracts';
import { requireAdmin } from '~/admin.server';
import { apiFailure } from '~/api.server';
import { AdminFormFooter, AgentChoices } from '~/components/AdminForm';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { peopleApi } from '~/people-api.server';
import { flash } from '~/session.server';
import { refusedSave } from '~/staff-admin.server';

export const meta: MetaFunction = () => [{ title: 'Companies · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  try {
    const client = peopleApi(api);
    const [companies, agents] = await Promise.all([client.companies.list.query(), client.people.agents.query()]);
    return { companies, agents: agents.map((a) => ({ id: a.id, name: a.name })) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const id = Number(form.get('id')) || undefined;
  const text = (key: string) => String(form.get(key) ?? '').trim() || null;
  try {
    await peopleApi(api).companies.save.mutate({
      id,
      name: String(form.get('name') ?? '').trim(),
      ticketVisibility: form.get('ticketVisibility') === 'company' ? 'company' : 'own',
      brandName: text('brandName'),
      brandPrimaryColor: text('brandPrimaryColor'),
      brandAccentColor: text('brandAccentColor'),
      voiceGreeting: text('voiceGreeting'),
      brandLogoUrl: text('brandLogoUrl'),
      agentIds: form.getAll('agentIds').map(Number),
    });
  } catch (error) {
    return refusedSave(error, request, session, id);
  }
  return redirect('/admin/companies', { headers: await flash(session, { kind: 'success', message: id ? 'Company saved.' : 'Company added.' }) });
}

function CompanyForm({ company, agents, error }: { company?: Company; agents: { id: number; name: string }[]; error?: string }) {
  const key = company?.id ?? 'new';
  return (
    <Form method="post" className="sb-form" data-testid={company ? 'company-form' : 'company-add'}>
      {company ? <input type="hidden" name="id" value={company.id} /> : null}
      <div className="sb-field">
        <label htmlFor={`co-name-${key}`}>Name</label>
        <input id={`co-name-${key}`} name="name" defaultValue={company?.name ?? ''} maxLength={160} required />
      </div>
      <div className="sb-field">
        <label htmlFor={`co-vis-${key}`}>Company users see</label>
        <select id={`co-vis-${key}`} name="ticketVisibility" defaultValue={company?.ticketVisibility ?? 'own'}>
          <option value="own">Only their own tickets</option>
          <option value="company">Every ticket of the company</option>
        </select>
      </div>
      <div className="sb-field">
        <label htmlFor={`co-brand-${key}`}>Brand name (portal and emails)</label>
        <input id={`co-brand-${key}`} name="brandName" defaultValue={company?.brandName ?? ''} maxLength={160} />
      </div>
      <div className="sb-field-row">
        <div className="sb-field">
          <label htmlFor={`co-primary-${key}`}>Primary colour</label>
          <input id={`co-primary-${key}`} name="brandPrimaryColor" defaultValue={company?.brandPrimaryColor ?? ''} placeholder="#1a2b3c" />
        </div>
        <div className="sb-field">
          <label htmlFor={`co-accent-${key}`}>Accent colour</label>
          <input id={`co-accent-${key}`} name="brandAccentColor" defaultValue={company?.brandAccentColor ?? ''} placeholder="#1a2b3c" />
        </div>
      </div>
      <div className="sb-field">
        <label htmlFor={`co-greeting-${key}`}>Phone greeting (for callers from this company; empty: the phone line’s own)</label>
        <input id={`co-greeting-${key}`} name="voiceGreeting" defaultValue={company?.voiceGreeting ?? ''} maxLength={500} />
        <label htmlFor={`co-logo-${key}`}>Logo (https address of the image)</label>
        <input id={`co-logo-${key}`} name="brandLogoUrl" defaultValue={company?.brandLogoUrl ?? ''} placeholder="https://example.com/logo.png" maxLength={500} />
      </div>
      <AgentChoices legend="Assigned agents (get this company’s tickets first)" name="agentIds" agents={agents} chosen={company?.agents} />
      <AdminFormFooter error={error}>
        <button type="submit" className="sb-button sb-button--primary">
          {company ? 'Save company' : 'Add company'}
        </button>
      </AdminFormFooter>
    </Form>
  );
}

export default function Companies() {
  const { companies, agents } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <h1 className="sb-page__title">Companies</h1>
        {companies.map((company) => (
          <section key={company.id} data-testid="company">
            <h2>
              {company.name} <span className="sb-page__lede">{company.userCount} users{company.domain ? ` · ${company.domain}` : ''}</span>
            </h2>
            <CompanyForm company={company} agents={agents} error={result?.id === company.id ? result.error : undefined} />
          </section>
        ))}
        <h2>New company</h2>
        <CompanyForm agents={agents} error={result && !result.id ? result.error : undefined} />
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
