import type { AuditEntry } from '@switchboard/contracts';
import type { AuditRow } from './audit.repository.js';

/** MySQL hands JSON columns back as text, MariaDB (JSON = LONGTEXT) always does. */
const json = (value: unknown) => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    action: row.action,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? `user #${row.actorId}` } : null,
    before: json(row.beforeState),
    after: json(row.afterState),
    ip: row.ip ?? null,
    userAgent: row.userAgent ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
