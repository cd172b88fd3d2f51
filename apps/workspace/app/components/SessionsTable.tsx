import { Form } from '@remix-run/react';
import type { Session } from '@switchboard/contracts';
import { RelativeTime } from '@switchboard/ui';

/** Where this account is signed in, with a way to end any session but the current one. */
export function SessionsTable({ sessions, now, timeZone }: { sessions: Session[]; now: string; timeZone: string }) {
  return (
    <div className="sb-table-wrap">
      <table className="sb-table" data-testid="sessions">
        <thead>
          <tr>
            <th scope="col">Signed in</th>
            <th scope="col">From</th>
            <th scope="col">Browser or client</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-testid="session-row" data-current={s.current || undefined}>
              <td>
                <RelativeTime value={s.createdAt} now={now} timeZone={timeZone} />
              </td>
              <td>{s.ip ?? 'unknown'}</td>
              <td>{s.userAgent ?? 'unknown'}</td>
              <td>
                {s.current ? (
                  <span className="sb-chip">This session</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-session" />
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit" className="sb-button sb-button--quiet sb-button--small">
                      Sign out
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
