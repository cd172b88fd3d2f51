import { authRows } from './auth.js';
import { chatRows } from './chat.js';
import { emailRows } from './email.js';
import { failedWorkRows } from './failed-work.js';
import { kbRows } from './kb.js';
import { liveRows } from './live.js';
import { peopleRows } from './people.js';
import { phoneRows } from './phone.js';
import type { Rows } from './rows.js';
import { slaRows } from './sla.js';
import { ticketsRows } from './tickets.js';

export { WHO, type Fixtures, type Outcome, type Probe, type Who } from './rows.js';

/**
 * Every tRPC procedure's row, one module per domain. A procedure named in two modules would hide one
 * of its rows, so that is refused here rather than silently merged.
 */
const DOMAINS: Rows[] = [authRows, ticketsRows, slaRows, phoneRows, kbRows, liveRows, peopleRows, emailRows, chatRows, failedWorkRows];

export const MATRIX: Rows = {};
for (const rows of DOMAINS) {
  for (const [name, entry] of Object.entries(rows)) {
    if (name in MATRIX) throw new Error(`permission matrix: ${name} has a row in two modules`);
    MATRIX[name] = entry;
  }
}
