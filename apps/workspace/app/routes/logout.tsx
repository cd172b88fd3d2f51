import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { destroySession, getSession, requireAgent } from '~/session.server';

/** GET /logout does nothing: signing out is a POST, so a link or a prefetch cannot sign anyone out. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAgent(request);
  return redirect('/tickets');
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session.get('token')) {
    const { api } = await requireAgent(request);
    // Revoke the token at the API too; if the API is down, the cookie still goes.
    await api.auth.logout.mutate().catch(() => undefined);
  }
  return redirect('/login', { headers: { 'Set-Cookie': await destroySession(session) } });
}
