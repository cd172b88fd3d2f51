import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { AdminTabs } from '~/components/AdminTabs';
import { NamedListAdmin, type NamedListResult } from '~/components/NamedListAdmin';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { namedListAction, namedListLoader } from '~/named-admin.server';

export const meta: MetaFunction = () => [{ title: 'Categories · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { items: await namedListLoader(request, 'categories') };
}

export async function action({ request }: ActionFunctionArgs) {
  return namedListAction(request, 'categories', 'Category');
}

export default function Categories() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminTabs />
      <NamedListAdmin title="Categories" noun="category" items={items} result={useActionData<typeof action>() as NamedListResult | undefined} />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
