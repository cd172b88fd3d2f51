import { Form, Link } from '@remix-run/react';
import type { SavedView } from '@switchboard/contracts';
import { activeQuickFilter, isFiltered, QUICK_FILTERS, queueHref, type QueueFilters } from '@switchboard/ui';

export interface QueueSidebarProps {
  filters: QueueFilters;
  views: SavedView[];
  userId: number;
  /** The error of the last save/delete, if any. */
  error?: string;
}

/** Quick filters one click away, the saved views (mine and shared), and a form to save the current filters. */
export function QueueSidebar({ filters, views, userId, error }: QueueSidebarProps) {
  const active = activeQuickFilter(filters);
  const current = queueHref(filters);
  return (
    <aside className="sb-queue-side" aria-label="Queues">
      <nav aria-label="Quick filters">
        <h2 className="sb-queue-side__title">Quick filters</h2>
        <ul className="sb-queue-side__list" data-testid="quick-filters">
          <li>
            <Link to="/tickets" aria-current={!isFiltered(filters) && !filters.sort ? 'page' : undefined}>
              All tickets
            </Link>
          </li>
          {QUICK_FILTERS.map((q) => (
            <li key={q.id}>
              <Link to={queueHref(q.filters)} data-testid={`quick-${q.id}`} aria-current={active === q.id ? 'page' : undefined}>
                {q.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="saved-views-title">
        <h2 className="sb-queue-side__title" id="saved-views-title">
          Saved views
        </h2>
        {views.length === 0 ? <p className="sb-muted sb-queue-side__empty">None yet.</p> : null}
        <ul className="sb-queue-side__list" data-testid="saved-views">
          {views.map((view) => {
            const href = queueHref(stringFilters(view.filters));
            return (
              <li key={view.id} className="sb-queue-side__view" data-testid="saved-view">
                <Link to={href} aria-current={href === current ? 'page' : undefined}>
                  {view.name}
                </Link>
                {view.shared ? (
                  <span className="sb-queue-side__badge" title={`Shared by ${view.ownerName}`}>
                    shared
                  </span>
                ) : null}
                {view.ownerId === userId ? (
                  <Form method="post" className="sb-queue-side__delete">
                    <input type="hidden" name="intent" value="delete-view" />
                    <input type="hidden" name="viewId" value={view.id} />
                    <button type="submit" className="sb-linkbutton" aria-label={`Delete view ${view.name}`} title="Delete">
                      ×
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
        <Form method="post" className="sb-queue-side__save" data-testid="save-view-form">
          <input type="hidden" name="intent" value="save-view" />
          <input type="hidden" name="filters" value={JSON.stringify(filters)} />
          <label>
            <span className="sb-visually-hidden">View name</span>
            <input name="name" placeholder="Name these filters" maxLength={80} required />
          </label>
          <label className="sb-filters__check">
            <input type="checkbox" name="shared" value="true" /> Share with the team
          </label>
          <button type="submit" className="sb-button sb-button--small">
            Save view
          </button>
          {error ? (
            <p className="sb-alert sb-alert--error sb-alert--small" role="alert" data-testid="error">
              {error}
            </p>
          ) : null}
        </Form>
      </section>
    </aside>
  );
}

/** Saved filters come back as unknown JSON: keep the string values only. */
export function stringFilters(filters: Record<string, unknown>): QueueFilters {
  const out: QueueFilters = {};
  for (const [k, v] of Object.entries(filters)) {
    if (typeof v === 'string' && v) out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else if (Array.isArray(v)) out[k] = v.join(',');
  }
  return out;
}
