import { Form, Link } from '@remix-run/react';
import { LEVELS, TICKET_STATUSES, type Catalog } from '@switchboard/contracts';
import { FIELD_FILTER_PREFIX, isFiltered, levelLabel, statusLabel, type QueueFilters } from '@switchboard/ui';

export interface QueueFilterPanelProps {
  catalog: Catalog;
  filters: QueueFilters;
  /** Where the form goes: the queue or the board. */
  action: string;
  /** Extra query keys to keep (the board's swimlanes). */
  keep?: Record<string, string | undefined>;
}

const levels = [...LEVELS].reverse();

/**
 * Every tickets.list filter in one GET form, so a filtered queue is a URL and works without JavaScript.
 * Picking an issue type and pressing Filter shows that type's custom fields as further filters.
 */
export function QueueFilterPanel({ catalog, filters, action, keep = {} }: QueueFilterPanelProps) {
  const statuses = new Set((filters.status ?? '').split(',').filter(Boolean));
  const issueType = catalog.issueTypes.find((t) => String(t.id) === filters.issueTypeId);
  const open = isFiltered(filters);
  return (
    <details className="sb-filter-panel" open={open || undefined} data-testid="filter-panel">
      <summary>Filters{open ? ' (active)' : ''}</summary>
      <Form method="get" action={action} className="sb-filter-panel__form" data-testid="queue-filters" key={JSON.stringify(filters)}>
        {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        {filters.direction ? <input type="hidden" name="direction" value={filters.direction} /> : null}
        <label className="sb-filters__field sb-filters__field--wide">
          <span>Subject contains</span>
          <input type="search" name="q" defaultValue={filters.q ?? ''} />
        </label>
        <fieldset className="sb-filters__field sb-filters__statuses">
          <legend>Status</legend>
          {TICKET_STATUSES.map((s) => (
            <label key={s} className="sb-filters__check">
              <input type="checkbox" name="status" value={s} defaultChecked={statuses.has(s)} /> {statusLabel(s, 'agent')}
            </label>
          ))}
        </fieldset>
        <Select name="due" label="SLA due" value={filters.due} options={[['overdue', 'Overdue'], ['next_hour', 'Due in the next hour']]} />
        <Select name="urgency" label="Urgency" value={filters.urgency} options={levels.map((l) => [l, levelLabel(l)])} />
        <Select name="importance" label="Importance" value={filters.importance} options={levels.map((l) => [l, levelLabel(l)])} />
        <Select
          name="assignee"
          label="Assignee"
          value={filters.assignee}
          options={[['me', 'Me'], ['none', 'Unassigned'], ...catalog.agents.map((a) => [String(a.id), a.name] as [string, string])]}
        />
        <Select name="teamId" label="Team" value={filters.teamId} options={catalog.teams.map((t) => [String(t.id), t.name])} />
        <Select name="categoryId" label="Category" value={filters.categoryId} options={catalog.categories.map((c) => [String(c.id), c.name])} />
        <Select name="tag" label="Tag" value={filters.tag} options={catalog.tags.map((t) => [t, t])} />
        <Select name="issueTypeId" label="Issue type" value={filters.issueTypeId} options={catalog.issueTypes.map((t) => [String(t.id), t.name])} />
        <label className="sb-filters__field">
          <span>Requester id</span>
          <input name="requesterId" inputMode="numeric" size={6} defaultValue={filters.requesterId ?? ''} />
        </label>
        <label className="sb-filters__field">
          <span>Company id</span>
          <input name="companyId" inputMode="numeric" size={6} defaultValue={filters.companyId ?? ''} />
        </label>
        <DateRange label="Created" from="createdFrom" to="createdTo" filters={filters} />
        <DateRange label="Updated" from="updatedFrom" to="updatedTo" filters={filters} />
        {issueType && issueType.fields.length ? (
          <fieldset className="sb-filter-panel__fields" data-testid="custom-field-filters">
            <legend>{issueType.name} fields</legend>
            {issueType.fields.map((field) => {
              const name = `${FIELD_FILTER_PREFIX}${field.key}`;
              if (field.kind === 'single_select' || field.kind === 'multi_select') {
                return <Select key={field.key} name={name} label={field.label} value={filters[name]} options={field.options.map((o) => [o, o])} />;
              }
              if (field.kind === 'checkbox') {
                return <Select key={field.key} name={name} label={field.label} value={filters[name]} options={[['true', 'Yes'], ['false', 'No']]} />;
              }
              return (
                <label key={field.key} className="sb-filters__field">
                  <span>{field.label}</span>
                  <input
                    name={name}
                    type={field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text'}
                    defaultValue={filters[name] ?? ''}
                  />
                </label>
              );
            })}
          </fieldset>
        ) : issueType ? null : (
          <p className="sb-filter-panel__hint">Pick an issue type and press Filter to filter by its fields.</p>
        )}
        <div className="sb-filter-panel__actions">
          <button type="submit" className="sb-button sb-button--small sb-button--primary" data-testid="apply-filters">
            Filter
          </button>
          {open ? (
            <Link to={action} className="sb-filters__clear">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>
    </details>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <label className="sb-filters__field">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function DateRange({ label, from, to, filters }: { label: string; from: string; to: string; filters: QueueFilters }) {
  return (
    <fieldset className="sb-filters__field sb-filters__range">
      <legend>{label}</legend>
      <input type="date" name={from} aria-label={`${label} from`} defaultValue={filters[from] ?? ''} />
      <span aria-hidden="true">–</span>
      <input type="date" name={to} aria-label={`${label} to`} defaultValue={filters[to] ?? ''} />
    </fieldset>
  );
}
