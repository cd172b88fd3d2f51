import { Form, Link } from '@remix-run/react';
import type { SecurityLogEntry } from '@switchboard/contracts';
import { RelativeTime } from '@switchboard/ui';

export const SECURITY_LOG_KINDS = { all: 'Everything', sign_in: 'Sign-ins and account security', permission: 'Permission changes' } as const;
export type SecurityLogKind = keyof typeof SECURITY_LOG_KINDS;
/** An entry as the loader hands it over (JSON: an absent before/after arrives as undefined). */
type LoadedEntry = Omit<SecurityLogEntry, 'before' | 'after'> & { before?: unknown; after?: unknown };

/** A short, readable summary of what changed (the raw before/after are in the tooltip). */
function summary(after: unknown): string {
  if (!after || typeof after !== 'object') return '';
  return Object.entries(after as Record<string, unknown>)
    .filter(([key]) => key !== 'id')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ')
    .slice(0, 160);
}

/** The security log: its filter (kind, user), one page of entries, and the link to older ones. */
export function SecurityLogTable({
  entries,
  nextBefore,
  kind,
  userId,
  now,
  timeZone,
}: {
  entries: LoadedEntry[];
  nextBefore: number | null;
  kind: SecurityLogKind;
  userId: number | null;
  now: string;
  timeZone: string;
}) {
  const older = new URLSearchParams({ kind, ...(userId ? { userId: String(userId) } : {}), ...(nextBefore ? { before: String(nextBefore) } : {}) });
  return (
    <>
      <h2>Security log</h2>
      <p className="sb-page__lede">Sign-ins, failed attempts, lockouts, two-factor and API key changes, and changes to who may do what.</p>
      <Form method="get" className="sb-form__row" data-testid="security-filter">
        <select name="kind" defaultValue={kind} aria-label="Show">
          {(Object.keys(SECURITY_LOG_KINDS) as SecurityLogKind[]).map((k) => (
            <option key={k} value={k}>
              {SECURITY_LOG_KINDS[k]}
            </option>
          ))}
        </select>
        <input name="userId" type="number" min={1} defaultValue={userId ?? ''} placeholder="User id" aria-label="User id" />
        <button type="submit" className="sb-button sb-button--small">
          Show
        </button>
      </Form>
      <div className="sb-table-wrap">
        <table className="sb-table" data-testid="security-log">
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>About</th>
              <th>By</th>
              <th>From</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>
                  <RelativeTime value={e.createdAt} now={now} timeZone={timeZone} />
                </td>
                <td>{e.action}</td>
                <td>
                  {e.subject.type === 'User' ? (
                    <Link to={`/admin/security?userId=${e.subject.id}`}>{e.subject.name ?? `user #${e.subject.id}`}</Link>
                  ) : (
                    `${e.subject.type} #${e.subject.id}`
                  )}
                </td>
                <td>{e.actor?.name ?? <span className="sb-muted">—</span>}</td>
                <td title={e.userAgent ?? undefined} data-testid="security-log-from">
                  {e.ip ?? <span className="sb-muted">—</span>}
                  {e.userAgent ? <span className="sb-muted" data-testid="security-log-agent"> · {e.userAgent}</span> : null}
                </td>
                <td title={JSON.stringify({ before: e.before, after: e.after })}>{summary(e.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore ? (
        <p>
          <Link to={`/admin/security?${older}`}>Older entries</Link>
        </p>
      ) : null}
    </>
  );
}
