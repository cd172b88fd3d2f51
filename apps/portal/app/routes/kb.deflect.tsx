import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { formFailure } from '../api.server';
import { readerApi } from '../kb.server';
import { commitSession } from '../session.server';

/** "This solved my problem": counts the deflection, opens no ticket, and shows the article. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await readerApi(request);
  const form = await request.formData();
  const articleId = Number(form.get('articleId'));
  try {
    const { slug } = await api.kb.deflect.mutate({ articleId, query: String(form.get('query') ?? '').slice(0, 500) });
    session.flash('flash', 'Glad that helped! We did not open a ticket.');
    return redirect(`/kb/articles/${slug}`, { headers: { 'Set-Cookie': await commitSession(session) } });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    session.flash('flash', failure.formError ?? 'That did not work; please try again.');
    return redirect('/tickets/new', { headers: { 'Set-Cookie': await commitSession(session) } });
  }
}

export async function loader() {
  return redirect('/kb');
}
