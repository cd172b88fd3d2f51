import { Form } from '@remix-run/react';
import type { ApiKey } from '@switchboard/contracts';
import { RelativeTime } from '@switchboard/ui';

/** API keys: recognisable by name and prefix (the secret is never shown again), with their last use. */
export function ApiKeysTable({ keys, now, timeZone, showOwner }: { keys: ApiKey[]; now: string; timeZone: string; showOwner: boolean }) {
  if (keys.length === 0) return <div className="sb-empty">No API keys yet.</div>;
  return (
    <div className="sb-table-wrap">
      <table className="sb-table" data-testid="api-keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scope</th>
            {showOwner ? <th scope="col">Owner</th> : null}
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-testid="api-key-row" data-revoked={k.revokedAt ? 'true' : undefined} data-refused={!k.revokedAt && k.refused ? k.refused : undefined}>
              <td>
                {k.name}
                {!k.revokedAt && k.refused === 'two_factor_not_enrolled' ? (
                  <>
                    {' '}
                    <span className="sb-chip" data-testid="api-key-refused" title="Its owner's role must use two-factor sign-in, and the owner has not set it up">
                      Refused: no two-factor
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{k.scope === 'read' ? 'Read only' : 'Read and write'}</td>
              {showOwner ? <td>{k.ownerName}</td> : null}
              <td>{k.lastUsedAt ? <RelativeTime value={k.lastUsedAt} now={now} timeZone={timeZone} /> : 'Never'}</td>
              <td>{k.expiresAt ? <RelativeTime value={k.expiresAt} now={now} timeZone={timeZone} /> : 'Never'}</td>
              <td>
                {k.revokedAt ? (
                  <span className="sb-chip">Revoked</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke-key" />
                    <input type="hidden" name="id" value={k.id} />
                    <button type="submit" className="sb-button sb-button--quiet sb-button--small" data-testid="revoke-key">
                      Revoke
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
