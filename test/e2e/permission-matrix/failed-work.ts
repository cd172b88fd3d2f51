import { row, managers, adminOnly, type Rows } from './rows.js';

/** Failed background work (docs/decisions/023). */
export const failedWorkRows: Rows = {
  // Failed background work is admins' alone, managers included out (docs/decisions/023); a topic nothing failed in retries nothing.
  'failedWork.list': { probe: (f) => f.client.failedWork.list.query({ limit: 5 }), expect: adminOnly },
  'failedWork.counts': { probe: (f) => f.client.failedWork.counts.query(), expect: adminOnly },
  'failedWork.retry': { probe: (f) => f.client.failedWork.retry.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  'failedWork.retryTopic': { probe: (f) => f.client.failedWork.retryTopic.mutate({ topic: 'matrix.nothing_failed' }), expect: adminOnly },
  'failedWork.dismiss': { probe: (f) => f.client.failedWork.dismiss.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
};
