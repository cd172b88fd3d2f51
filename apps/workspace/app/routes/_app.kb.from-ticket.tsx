import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { categoryLabel, kbApi } from '~/kb-api.server';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Article from a ticket · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const ticketId = Number(new URL(request.url).searchParams.get('ticketId')) || 0;
  try {
    const categories = await kbApi(api).kb.categories.query();
    return { ticketId, categories: categories.map((c) => ({ id: c.id, label: categoryLabel(categories, c.id) })) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** Starts an internal draft from the ticket's question and public answers, then opens it in the editor. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  try {
    const draft = await kbApi(api).kb.draftFromTicket.mutate({ ticketId: Number(form.get('ticketId')), categoryId: Number(form.get('categoryId')) });
    return redirect(`/kb/${draft.id}`, {
      headers: await flash(session, { kind: 'success', message: 'Draft started from the ticket. Remove anything private before publishing.' }),
    });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'not_found') {
      const errors = apiFieldErrors(error);
      return data({ error: errors.ticketId ?? errors.categoryId ?? (error instanceof Error ? error.message : 'Refused.') }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
}

export default function ArticleFromTicket() {
  const { ticketId, categories } = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>()?.error;
  return (
    <div className="sb-page sb-page--narrow">
      <h1 className="sb-page__title">Create an article from ticket {ticketId}</h1>
      <p className="sb-page__lede">
        The draft quotes the customer’s question and the public replies (never internal notes) and is visible to staff only until you
        publish it.
      </p>
      <Form method="post" className="sb-form">
        <input type="hidden" name="ticketId" value={ticketId} />
        <div className="sb-field">
          <label htmlFor="from-category">Category</label>
          <select id="from-category" name="categoryId" aria-describedby="from-error">
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <FieldError id="from-error" message={error} />
        </div>
        <button type="submit" className="sb-button sb-button--primary" data-testid="kb-start-draft">
          Start the draft
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
