import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { AppNav } from '~/components/AppNav';
import { FlashMessage } from '~/components/FlashMessage';
import { failedWorkApi } from '~/failed-work.server';
import { peopleApi } from '~/people-api.server';
import { commitSession, requireAgent, returnPath } from '~/session.server';

/**
 * The signed-in frame: top bar, the flash message of the last action, and the page.
 * Its session check only serves the frame itself: each child loader and action checks again.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { session, user, api } = await requireAgent(request);
  const flash = session.get('flash') ?? null;
  // The header's availability switch shows the current value, and admins see how many background jobs
  // gave up (the badge); the frame still renders if the API hiccups.
  const [availability, failedWork] = await Promise.all([
    peopleApi(api)
      .people.agent.query({ id: user.id })
      .then((p) => p.availability)
      .catch(() => null),
    user.role === 'admin'
      ? failedWorkApi(api)
          .failedWork.counts.query()
          .then((c) => c.total)
          .catch(() => null)
      : null,
  ]);
  return data(
    { user, flash, availability, failedWork, here: returnPath(request) },
    flash ? { headers: { 'Set-Cookie': await commitSession(session) } } : undefined,
  );
}

export default function AppLayout() {
  const { user, flash, availability, failedWork, here } = useLoaderData<typeof loader>();
  return (
    <div className="sb-app">
      <AppNav user={user} availability={availability} here={here} failedWork={failedWork} />
      <main className="sb-main" id="main">
        <FlashMessage flash={flash} />
        <Outlet />
      </main>
    </div>
  );
}

/** Re-run on every navigation so a flash message disappears once the agent moves on (the loader only reads the cookie). */
export const shouldRevalidate = () => true;
