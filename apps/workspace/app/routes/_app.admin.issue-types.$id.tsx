import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CUSTOM_FIELD_KINDS, type IssueType } from '@switchboard/contracts';
import { checkWorkflow, humanize, statusLabel } from '@switchboard/ui';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors, notFound } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { WorkflowEditor } from '~/components/WorkflowEditor';
import { fieldSentence } from '~/fields';
import { emptyRow, saveInput, valuesFromForm, valuesOf, type IssueTypeFormValues } from '~/issue-type-form.server';
import { queueApi } from '~/queue-api.server';
import { flash } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Issue type · Switchboard workspace' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  if (params.id === 'new') return { values: valuesOf(null) };
  let type: IssueType | undefined;
  try {
    type = (await queueApi(api).catalog.get.query()).issueTypes.find((t) => String(t.id) === params.id);
  } catch (error) {
    return apiFailure(error, request, session);
  }
  if (!type) notFound(`There is no issue type "${params.id}".`);
  return { values: valuesOf(type) };
}

interface ActionResult {
  values: IssueTypeFormValues;
  fieldErrors: Record<string, string>;
  formError?: string;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const values = valuesFromForm(form);
  const intent = String(form.get('intent') ?? 'save');
  // Without JavaScript, adding and removing rows is a round trip that re-renders the form.
  if (intent === 'add-field') return data<ActionResult>({ values: { ...values, fields: [...values.fields, emptyRow()] }, fieldErrors: {} });
  if (intent.startsWith('remove-field:')) {
    const index = Number(intent.slice('remove-field:'.length));
    return data<ActionResult>({ values: { ...values, fields: values.fields.filter((_, i) => i !== index) }, fieldErrors: {} });
  }
  // A custom workflow in which an open ticket can never be finished is refused here, next to the grid.
  const workflowError = values.workflow.mode === 'custom' ? checkWorkflow(values.workflow.grid).error : undefined;
  if (workflowError) return data<ActionResult>({ values, fieldErrors: { transitions: workflowError } }, { status: 400 });
  try {
    const saved = await queueApi(api).catalog.saveIssueType.mutate(saveInput(values));
    const deadEnds = values.workflow.mode === 'custom' ? checkWorkflow(values.workflow.grid).deadEnds : [];
    const warning = deadEnds.length ? ` Tickets in ${deadEnds.map((s) => statusLabel(s, 'agent')).join(', ')} have no way forward.` : '';
    return redirect('/admin/issue-types', { headers: await flash(session, { kind: 'success', message: `Issue type "${saved.name}" saved.${warning}` }) });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict') {
      const fieldErrors = apiFieldErrors(error);
      const formError = Object.keys(fieldErrors).length ? undefined : error instanceof Error ? error.message : 'The API refused this issue type.';
      return data<ActionResult>({ values, fieldErrors, formError }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
}

export default function IssueTypeEditor() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const values = result?.values ?? loaded.values;
  const errors = result?.fieldErrors ?? {};
  const err = (path: string, label: string) => <FieldError id={`${path}-error`} message={fieldSentence(label, errors[path])} />;
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <p className="sb-ticket__crumbs">
          <Link to="/admin/issue-types">Issue types</Link> <span aria-hidden="true">/</span> <span>{values.id ? values.name : 'New'}</span>
        </p>
        <h1 className="sb-page__title">{values.id ? `Edit ${loaded.values.name}` : 'New issue type'}</h1>
        {result?.formError ? (
          <p className="sb-alert sb-alert--error" role="alert" data-testid="error">
            {result.formError}
          </p>
        ) : null}
        <Form method="post" className="sb-form" data-testid="issue-type-form" key={JSON.stringify(values)}>
          {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
          <input type="hidden" name="rows" value={values.fields.length} />
          {/* Enter in a text box saves (the first submit button is the default one), not "Remove". */}
          <button type="submit" name="intent" value="save" className="sb-visually-hidden" tabIndex={-1} aria-hidden="true" />
          <div className="sb-field">
            <label htmlFor="it-name">Name</label>
            <input id="it-name" name="name" defaultValue={values.name} maxLength={80} required />
            {err('name', 'Name')}
          </div>
          <div className="sb-field">
            <label htmlFor="it-description">Description</label>
            <textarea id="it-description" name="description" rows={2} defaultValue={values.description} />
            {err('description', 'Description')}
          </div>
          <label className="sb-filters__check">
            <input type="checkbox" name="active" value="true" defaultChecked={values.active} /> Active (customers can choose it)
          </label>
          <WorkflowEditor values={values.workflow} error={errors.transitions} />
          <fieldset className="sb-field-rows">
            <legend>Fields</legend>
            {values.fields.length === 0 ? <p className="sb-muted">No fields yet.</p> : null}
            {values.fields.map((f, i) => (
              <div className="sb-field-row" key={i} data-testid="field-row">
                <label>
                  <span>Key</span>
                  <input name={`fields.${i}.key`} defaultValue={f.key} placeholder="lower_snake_case" />
                </label>
                <label>
                  <span>Label</span>
                  <input name={`fields.${i}.label`} defaultValue={f.label} />
                </label>
                <label>
                  <span>Kind</span>
                  <select name={`fields.${i}.kind`} defaultValue={f.kind}>
                    {CUSTOM_FIELD_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {humanize(k)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span>Options (one per line, for selects)</span>
                  <textarea name={`fields.${i}.options`} rows={2} defaultValue={f.options} />
                </label>
                <label className="sb-filters__check">
                  <input type="checkbox" name={`fields.${i}.required`} value="true" defaultChecked={f.required} /> Required
                </label>
                <label className="sb-filters__check">
                  <input type="checkbox" name={`fields.${i}.customerVisible`} value="true" defaultChecked={f.customerVisible} /> Customer visible
                </label>
                <button type="submit" name="intent" value={`remove-field:${i}`} className="sb-button sb-button--small sb-button--quiet" formNoValidate>
                  Remove
                </button>
                {Object.entries(errors)
                  .filter(([path]) => path.startsWith(`fields.${i}.`))
                  .map(([path, message]) => (
                    <FieldError key={path} id={`${path}-error`} message={fieldSentence(humanize(path.split('.')[2] ?? 'field'), message)} />
                  ))}
              </div>
            ))}
            <button type="submit" name="intent" value="add-field" className="sb-button sb-button--small" formNoValidate data-testid="add-field">
              Add field
            </button>
          </fieldset>
          <div className="sb-form__actions">
            <button type="submit" name="intent" value="save" className="sb-button sb-button--primary">
              Save issue type
            </button>
            <Link to="/admin/issue-types" className="sb-button sb-button--quiet">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
