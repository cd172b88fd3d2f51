import { data, redirect } from '@remix-run/node';
import type { Named } from '@switchboard/contracts';
import { requireAdmin } from './admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors } from './api.server';
import type { NamedListResult } from './components/NamedListAdmin';
import { queueApi } from './queue-api.server';
import { flash } from './session.server';

type Kind = 'categories' | 'teams';

export async function namedListLoader(request: Request, kind: Kind): Promise<Named[]> {
  const { api, session } = await requireAdmin(request);
  try {
    return (await queueApi(api).catalog.get.query())[kind];
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** Adds (no id) or renames (id) a category or team. */
export async function namedListAction(request: Request, kind: Kind, noun: string) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const id = Number(form.get('id')) || undefined;
  const name = String(form.get('name') ?? '').trim();
  if (!name) return data<NamedListResult>({ id, name, error: 'Name is required.' }, { status: 400 });
  try {
    const save = kind === 'teams' ? queueApi(api).catalog.saveTeam : queueApi(api).catalog.saveCategory;
    await save.mutate({ id, name });
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request' || apiErrorKind(error) === 'conflict') {
      const message = apiFieldErrors(error).name;
      return data<NamedListResult>(
        { id, name, error: message ? `Name ${message}.` : error instanceof Error ? error.message : 'Refused.' },
        { status: 400 },
      );
    }
    return apiFailure(error, request, session);
  }
  return redirect(`/admin/${kind}`, { headers: await flash(session, { kind: 'success', message: id ? `${noun} renamed.` : `${noun} added.` }) });
}
