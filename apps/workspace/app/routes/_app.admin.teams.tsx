import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { AdminTabs } from '~/components/AdminTabs';
import { NamedListAdmin, type NamedListResult } from '~/components/NamedListAdmin';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { namedListAction, namedListLoader } from '~/named-admin.server';

export const meta: MetaFunction = () => [{ title: 'Teams · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { items: await namedListLoader(request, 'teams') };
}

export async function action({ request }: ActionFunctionArgs) {
  return namedListAction(request, 'teams', 'Team');
}

export default function Teams() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminTabs />
      <NamedListAdmin title="Teams" noun="team" items={items} result={useActionData<typeof action>() as NamedListResult | undefined} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
