import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { apiFailure } from '~/api.server';
import { requireAgent, safeRedirect } from '~/session.server';

/** GET /notifications: the bell's dropdown (newest 20). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAgent(request);
  try {
    return data(await api.inbox.list.query({ limit: 20 }));
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** POST /notifications: mark one (id) or all read; without JavaScript it returns to `redirectTo`. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const id = Number(form.get('id'));
  try {
    const result = await api.inbox.markRead.mutate(Number.isInteger(id) && id > 0 ? { ids: [id] } : { all: true });
    const to = form.get('redirectTo');
    return to ? redirect(safeRedirect(to)) : data(result);
  } catch (error) {
    return apiFailure(error, request, session);
  }
}
