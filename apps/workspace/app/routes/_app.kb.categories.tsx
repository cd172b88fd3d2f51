import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import type { KbCategory } from '@switchboard/contracts';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { categoryLabel, kbApi } from '~/kb-api.server';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Categories · Knowledge base · Switchboard workspace' }];

/** Depth-first: each category followed by its subcategories, in their order. */
function tree(categories: KbCategory[]): { category: KbCategory; depth: number; index: number; siblings: number }[] {
  const out: { category: KbCategory; depth: number; index: number; siblings: number }[] = [];
  const walk = (parentId: number | null, depth: number) => {
    const level = categories.filter((c) => c.parentId === parentId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    level.forEach((category, index) => {
      out.push({ category, depth, index, siblings: level.length });
      if (depth < 20) walk(category.id, depth + 1);
    });
  };
  walk(null, 0);
  return out;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, user } = await requireAgent(request);
  if (user.role === 'agent') throw data({ message: 'Only managers manage categories.' }, { status: 403 });
  try {
    const categories = await kbApi(api).kb.categories.query();
    return { rows: tree(categories), categories, labels: Object.fromEntries(categories.map((c) => [c.id, categoryLabel(categories, c.id)])) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/**
 * intent=create: a new category; intent=save: rename, move under another parent, who may publish;
 * intent=up / intent=down: swap with the neighbour at the same level.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const kb = kbApi(api).kb;
  const id = Number(form.get('id')) || undefined;
  try {
    if (intent === 'up' || intent === 'down') {
      const categories = await kb.categories.query();
      const moving = categories.find((c) => c.id === id);
      if (!moving) return data({ id, errors: { form: 'That category no longer exists.' } as Record<string, string | undefined> }, { status: 404 });
      const level = tree(categories).filter((r) => r.category.parentId === moving.parentId).map((r) => r.category.id);
      const at = level.indexOf(moving.id);
      const to = intent === 'up' ? at - 1 : at + 1;
      if (to >= 0 && to < level.length) {
        [level[at], level[to]] = [level[to], level[at]];
        await kb.reorderCategories.mutate({ parentId: moving.parentId, ids: level });
      }
      return redirect('/kb/categories');
    }
    const name = String(form.get('name') ?? '').trim();
    const parentId = Number(form.get('parentId')) || null;
    const publishRole = form.get('publishRole') === 'manager' ? 'manager' : 'agent';
    const description = String(form.get('description') ?? '').trim() || null;
    if (intent === 'save' && id) {
      const current = (await kb.categories.query()).find((c) => c.id === id);
      await kb.saveCategory.mutate({ id, name, parentId, publishRole, description, position: current?.position ?? 0 });
    } else {
      // New categories go last at their level.
      const siblings = (await kb.categories.query()).filter((c) => c.parentId === parentId);
      await kb.saveCategory.mutate({ name, parentId, publishRole, description, position: siblings.reduce((n, c) => Math.max(n, c.position + 1), 0) });
    }
    return redirect('/kb/categories', { headers: await flash(session, { kind: 'success', message: `Category “${name}” saved.` }) });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict' || kind === 'not_found') {
      const errors = apiFieldErrors(error) as Record<string, string | undefined>;
      return data({ id, errors: Object.keys(errors).length ? errors : { form: error instanceof Error ? error.message : 'Refused.' } }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
}

function CategoryFields({ c, categories, labels, prefix }: { c?: KbCategory; categories: KbCategory[]; labels: Record<string, string>; prefix: string }) {
  return (
    <>
      <div className="sb-field">
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} name="name" required maxLength={120} defaultValue={c?.name} />
      </div>
      <div className="sb-field">
        <label htmlFor={`${prefix}-parent`}>Inside</label>
        <select id={`${prefix}-parent`} name="parentId" defaultValue={c?.parentId ?? ''}>
          <option value="">(top level)</option>
          {categories
            .filter((o) => o.id !== c?.id)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {labels[o.id]}
              </option>
            ))}
        </select>
      </div>
      <div className="sb-field">
        <label htmlFor={`${prefix}-role`}>Who may publish</label>
        <select id={`${prefix}-role`} name="publishRole" defaultValue={c?.publishRole ?? 'agent'}>
          <option value="agent">Agents and managers</option>
          <option value="manager">Managers only</option>
        </select>
      </div>
      <div className="sb-field">
        <label htmlFor={`${prefix}-description`}>Description</label>
        <input id={`${prefix}-description`} name="description" maxLength={500} defaultValue={c?.description ?? ''} />
      </div>
    </>
  );
}

export default function KbCategories() {
  const { rows, categories, labels } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="sb-page">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Knowledge-base categories</h1>
        <Link to="/kb" className="sb-button sb-button--secondary">
          Back to the knowledge base
        </Link>
      </div>
      {failed?.errors.form ? <FieldError id="kb-cat-error" message={failed.errors.form} /> : null}
      <table className="sb-table" data-testid="kb-category-tree">
        <thead>
          <tr>
            <th>Category</th>
            <th>Order</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ category: c, depth, index, siblings }) => (
            <tr key={c.id} data-testid={`kb-category-${c.id}`}>
              <td style={{ paddingInlineStart: `${depth * 1.5 + 0.5}rem` }}>
                <strong>{c.name}</strong>
                {c.publishRole === 'manager' ? <span className="sb-badge"> managers publish</span> : null}
              </td>
              <td>
                <Form method="post" className="sb-form__row">
                  <input type="hidden" name="id" value={c.id} />
                  <button type="submit" name="intent" value="up" className="sb-button" disabled={index === 0} aria-label={`Move ${c.name} up`}>
                    ↑
                  </button>
                  <button type="submit" name="intent" value="down" className="sb-button" disabled={index === siblings - 1} aria-label={`Move ${c.name} down`}>
                    ↓
                  </button>
                </Form>
              </td>
              <td>
                <details>
                  <summary>Rename, move, publishing</summary>
                  <Form method="post" className="sb-form">
                    <input type="hidden" name="intent" value="save" />
                    <input type="hidden" name="id" value={c.id} />
                    <CategoryFields c={c} categories={categories} labels={labels} prefix={`cat-${c.id}`} />
                    {failed?.id === c.id ? <FieldError id={`cat-${c.id}-error`} message={failed.errors.parentId ?? failed.errors.name ?? failed.errors.slug} /> : null}
                    <button type="submit" className="sb-button sb-button--primary">
                      Save
                    </button>
                  </Form>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section>
        <h2>Add a category</h2>
        <Form method="post" className="sb-form" data-testid="kb-category-new">
          <input type="hidden" name="intent" value="create" />
          <CategoryFields categories={categories} labels={labels} prefix="cat-new" />
          {failed && !failed.id ? <FieldError id="cat-new-error" message={failed.errors.name ?? failed.errors.slug ?? failed.errors.parentId} /> : null}
          <button type="submit" className="sb-button">
            Add category
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
