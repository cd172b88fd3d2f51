import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { EMAIL_TEMPLATE_KINDS, type Company, type EmailTemplate } from '@switchboard/contracts';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { emailAdminApi, type EmailTemplateKind, type RenderedTemplate } from '~/email-admin.server';
import { flash } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Email templates · Switchboard workspace' }];

const KIND_LABELS: Record<EmailTemplateKind, { title: string; help: string }> = {
  acknowledgement: { title: 'Acknowledgement', help: 'Sent when an email opens a new ticket.' },
  reply: { title: 'Agent reply', help: 'Wraps every agent reply: {{ reply.text }} / {{ reply.html | raw }} is what the agent wrote, {{ agent.name }} who.' },
  resolved: { title: 'Resolved', help: 'Sent when a ticket is resolved, if the satisfaction request is turned off.' },
  csat: { title: 'Satisfaction (CSAT)', help: 'Sent when a ticket is resolved: {% for link in rating.links %}{{ link.score }} ({{ link.label }}): {{ link.url }}{% endfor %}.' },
};

function keyFrom(url: URL): { companyId: number | null; kind: EmailTemplateKind } {
  const kind = url.searchParams.get('kind');
  const companyId = Number(url.searchParams.get('companyId')) || null;
  return { companyId, kind: (EMAIL_TEMPLATE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as EmailTemplateKind) : 'acknowledgement' };
}

const hrefOf = (key: { companyId: number | null; kind: EmailTemplateKind }) =>
  `/admin/email-templates?kind=${key.kind}${key.companyId ? `&companyId=${key.companyId}` : ''}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const key = keyFrom(new URL(request.url));
  try {
    const client = emailAdminApi(api);
    const [template, companies] = await Promise.all([client.email.template.query(key), client.companies.list.query()]);
    return { key, template, companies: companies.map((c: Company) => ({ id: c.id, name: c.name })) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

type ActionResult = { values: EmailTemplate; preview?: RenderedTemplate; fieldErrors?: Record<string, string>; formError?: string };

/** intent=preview renders the form's template with sample data (nothing saved); intent=save stores it. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const key = keyFrom(new URL(request.url));
  const form = await request.formData();
  const html = String(form.get('html') ?? '');
  const values: EmailTemplate = {
    companyId: key.companyId,
    kind: key.kind,
    enabled: form.get('enabled') === 'on',
    subject: String(form.get('subject') ?? ''),
    text: String(form.get('text') ?? ''),
    html: html.trim() ? html : null,
  };
  const client = emailAdminApi(api);
  try {
    if (form.get('intent') === 'preview') {
      const preview = await client.email.previewTemplate.mutate(values);
      return data<ActionResult>({ values, preview });
    }
    await client.email.saveTemplate.mutate(values);
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'not_found') {
      const fieldErrors = apiFieldErrors(error);
      return data<ActionResult>(
        { values, fieldErrors, formError: Object.keys(fieldErrors).length ? undefined : error instanceof Error ? error.message : 'Refused.' },
        { status: 400 },
      );
    }
    return apiFailure(error, request, session);
  }
  return redirect(hrefOf(key), { headers: await flash(session, { kind: 'success', message: `${KIND_LABELS[key.kind].title} template saved.` }) });
}

export default function EmailTemplates() {
  const { key, template, companies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const values = result?.values ?? template;
  const errors = result?.fieldErrors ?? {};
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <div className="sb-page__head">
          <h1 className="sb-page__title">Email templates</h1>
        </div>
        <p className="sb-page__lede">
          Liquid templates: <code>{'{{ ticket.id }}'}</code>, <code>{'{{ ticket.subject }}'}</code>, <code>{'{{ requester.name }}'}</code>,{' '}
          <code>{'{{ company.name }}'}</code>. A company’s own template wins over the default.
        </p>
        <nav className="sb-timeline-filter" aria-label="Template">
          {EMAIL_TEMPLATE_KINDS.map((kind) => (
            <Link
              key={kind}
              to={hrefOf({ ...key, kind })}
              className={`sb-timeline-filter__option${kind === key.kind ? ' sb-timeline-filter__option--current' : ''}`}
              aria-current={kind === key.kind ? 'page' : undefined}
            >
              {KIND_LABELS[kind].title}
            </Link>
          ))}
        </nav>
        <Form method="get" className="sb-email-pick">
          <input type="hidden" name="kind" value={key.kind} />
          <label htmlFor="tpl-company">For</label>
          <select id="tpl-company" name="companyId" defaultValue={key.companyId ?? ''}>
            <option value="">Everyone (default)</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="sb-button">
            Open
          </button>
        </Form>
        <p className="sb-muted">{KIND_LABELS[key.kind].help}</p>
        {!template.custom ? <p className="sb-muted" data-testid="template-inherited">Not edited for this choice yet: showing what is sent now.</p> : null}
        <Form method="post" action={hrefOf(key)} className="sb-form" data-testid="template-form">
          <label className="sb-field sb-field--check">
            <input type="checkbox" name="enabled" defaultChecked={values.enabled} /> Send this email
          </label>
          <div className="sb-field">
            <label htmlFor="tpl-subject">Subject</label>
            <input id="tpl-subject" name="subject" defaultValue={values.subject} maxLength={255} aria-invalid={errors.subject ? true : undefined} />
            {errors.subject ? <p className="sb-field-error" data-testid="error-subject">{errors.subject}</p> : null}
          </div>
          <div className="sb-field">
            <label htmlFor="tpl-text">Text</label>
            <textarea id="tpl-text" name="text" rows={10} defaultValue={values.text} aria-invalid={errors.text ? true : undefined} />
            {errors.text ? <p className="sb-field-error" data-testid="error-text">{errors.text}</p> : null}
          </div>
          <div className="sb-field">
            <label htmlFor="tpl-html">HTML <span className="sb-muted">(optional)</span></label>
            <textarea id="tpl-html" name="html" rows={6} defaultValue={values.html ?? ''} aria-invalid={errors.html ? true : undefined} />
            {errors.html ? <p className="sb-field-error" data-testid="error-html">{errors.html}</p> : null}
          </div>
          {result?.formError ? (
            <p className="sb-alert sb-alert--error" role="alert">
              {result.formError}
            </p>
          ) : null}
          <div className="sb-form__actions">
            <button type="submit" name="intent" value="preview" className="sb-button" data-testid="template-preview">
              Preview with sample data
            </button>
            <button type="submit" name="intent" value="save" className="sb-button sb-button--primary" data-testid="template-save">
              Save template
            </button>
          </div>
        </Form>
        {result?.preview ? (
          <section className="sb-email-preview" data-testid="preview" aria-label="Preview">
            <h2>Preview</h2>
            <p>
              <strong>Subject:</strong> <span data-testid="preview-subject">{result.preview.subject}</span>
            </p>
            <pre className="sb-email-pre" data-testid="preview-text">
              {result.preview.text}
            </pre>
            {result.preview.html ? (
              // Rendered with sample data from an admin's own template: shown as source, never as live HTML.
              <pre className="sb-email-pre" data-testid="preview-html">
                {result.preview.html}
              </pre>
            ) : null}
          </section>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
