import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { AppNav } from '~/components/AppNav';
import { FlashMessage } from '~/components/FlashMessage';
import { commitSession, requireAgent } from '~/session.server';

/**
 * The signed-in frame: top bar, the flash message of the last action, and the page.
 * Its session check only serves the frame itself: each child loader and action checks again.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session, user } = await requireAgent(request);
  const flash = session.get('flash') ?? null;
  return data(
    { user, flash },
    flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
  );
}

export default function AppLayout() {
  const { user, flash } = useLoaderData<typeof loader>();
  return (
    <div className="sb-app">
      <AppNav user={user} />
      <main className="sb-main" id="main">
        <FlashMessage flash={flash} />
        <Outlet />
      </main>
    </div>
  );
}

/** Re-run on every navigation so a flash message disappears once the agent moves on (the loader only reads the cookie). */
export const shouldRevalidate = () => true;
