import { Form, Link } from '@remix-run/react';
import { LEVELS, TICKET_STATUSES } from '@switchboard/contracts';
import { levelLabel, statusLabel } from '@switchboard/ui';

export interface QueueFilterValues {
  status?: string;
  urgency?: string;
  importance?: string;
}

/** A GET form: the filters live in the query string, so a filtered queue can be bookmarked and shared. */
export function QueueFilters({ values }: { values: QueueFilterValues }) {
  const active = Boolean(values.status || values.urgency || values.importance);
  return (
    <Form method="get" className="sb-filters" data-testid="queue-filters" key={JSON.stringify(values)}>
      <label className="sb-filters__field">
        <span>Status</span>
        <select name="status" defaultValue={values.status ?? ''}>
          <option value="">Any</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s, 'agent')}
            </option>
          ))}
        </select>
      </label>
      <label className="sb-filters__field">
        <span>Urgency</span>
        <select name="urgency" defaultValue={values.urgency ?? ''}>
          <option value="">Any</option>
          {[...LEVELS].reverse().map((l) => (
            <option key={l} value={l}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <label className="sb-filters__field">
        <span>Importance</span>
        <select name="importance" defaultValue={values.importance ?? ''}>
          <option value="">Any</option>
          {[...LEVELS].reverse().map((l) => (
            <option key={l} value={l}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="sb-button sb-button--small">
        Filter
      </button>
      {active ? (
        <Link to="/tickets" className="sb-filters__clear">
          Clear filters
        </Link>
      ) : null}
    </Form>
  );
}
