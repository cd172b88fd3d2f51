import type { AuditEntry } from '@switchboard/contracts';
import { RelativeTime } from '@switchboard/ui';

const show = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

/** A ticket's audit trail (managers and admins): who did what, before/after, when and from where. */
export function AuditTrail({ entries, now, timeZone }: { entries: AuditEntry[]; now: string; timeZone: string }) {
  return (
    <details className="sb-audit" data-testid="audit-trail">
      <summary>Audit ({entries.length})</summary>
      <ol className="sb-audit__list">
        {entries.map((e) => (
          <li key={e.id} className="sb-audit__entry" data-testid="audit-entry">
            <div>
              <strong>{e.actor?.name ?? 'System'}</strong> · <code>{e.action}</code> ·{' '}
              <RelativeTime value={e.createdAt} now={now} timeZone={timeZone} />
            </div>
            <div className="sb-muted">
              before {show(e.before)} → after {show(e.after)}
            </div>
            <div className="sb-muted sb-facts__sub">
              {e.ip ?? 'no IP'} · {e.userAgent ?? 'no user agent'}
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}
