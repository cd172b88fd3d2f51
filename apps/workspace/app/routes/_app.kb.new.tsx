import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { FieldError } from '~/components/FieldError';
import { KbArticleFields } from '~/components/KbArticleFields';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { articleFromForm, categoryLabel, kbApi } from '~/kb-api.server';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'New article · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const translationOf = Number(new URL(request.url).searchParams.get('translationOf')) || null;
  try {
    const kb = kbApi(api).kb;
    const [categories, original] = await Promise.all([kb.categories.query(), translationOf ? kb.get.query({ id: translationOf }) : null]);
    return { categories, labels: Object.fromEntries(categories.map((c) => [c.id, categoryLabel(categories, c.id)])), original };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const translationOf = Number(form.get('translationOf')) || null;
  const input = { ...articleFromForm(form), locale: String(form.get('locale') ?? 'en').trim() || 'en', translationOf };
  try {
    const article = await kbApi(api).kb.create.mutate(input);
    return redirect(`/kb/${article.id}`, { headers: await flash(session, { kind: 'success', message: 'Draft saved.' }) });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict' || kind === 'not_found') {
      return data({ errors: apiFieldErrors(error) as Record<string, string | undefined>, values: input }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
}

export default function NewArticle() {
  const { categories, labels, original } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? (original ? { ...original, title: original.title, bodyMd: original.bodyMd } : {});
  const errors = result?.errors ?? {};
  return (
    <div className="sb-page sb-page--narrow">
      <h1 className="sb-page__title">{original ? `Translate “${original.title}”` : 'New article'}</h1>
      <Form method="post" className="sb-form" data-testid="kb-article-form">
        {original ? <input type="hidden" name="translationOf" value={original.id} /> : null}
        <div className="sb-field">
          <label htmlFor="kb-locale">Language (locale)</label>
          <input id="kb-locale" name="locale" defaultValue={original ? '' : 'en'} required placeholder="en, de, pt-BR" aria-describedby="kb-locale-error" />
          <FieldError id="kb-locale-error" message={errors.locale} />
        </div>
        <KbArticleFields categories={categories} labels={labels} values={values} errors={errors} />
        <button type="submit" className="sb-button sb-button--primary">
          Save draft
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
