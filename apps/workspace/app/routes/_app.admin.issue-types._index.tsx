import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { describeWorkflow } from '@switchboard/ui';
import { requireAdmin } from '~/admin.server';
import { apiFailure } from '~/api.server';
import { AdminTable } from '~/components/AdminTable';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { queueApi } from '~/queue-api.server';

export const meta: MetaFunction = () => [{ title: 'Issue types · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  try {
    return { issueTypes: (await queueApi(api).catalog.get.query()).issueTypes };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

export default function IssueTypes() {
  const { issueTypes } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page sb-page--narrow">
        <div className="sb-page__head">
          <h1 className="sb-page__title">Issue types</h1>
          <Link to="/admin/issue-types/new" className="sb-button sb-button--primary sb-button--small">
            New issue type
          </Link>
        </div>
        <AdminTable testId="issue-types" columns={['Name', 'Fields', 'Workflow', 'Active']} items={issueTypes}>
          {(t) => (
            <tr key={t.id} data-testid="issue-type-row">
              <td>
                <Link to={`/admin/issue-types/${t.id}`}>{t.name}</Link>
                {t.description ? <div className="sb-muted sb-facts__sub">{t.description}</div> : null}
              </td>
              <td>{t.fields.map((f) => f.label).join(', ') || <span className="sb-muted">none</span>}</td>
              <td data-testid="issue-type-workflow">{describeWorkflow(t.transitions)}</td>
              <td>{t.active ? 'Yes' : 'No'}</td>
            </tr>
          )}
        </AdminTable>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
