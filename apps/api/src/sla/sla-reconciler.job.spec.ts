import { SlaReconciler } from './sla-reconciler.job.js';
import type { SlaClock } from './sla-clock.js';
import type { SlaEnforcer } from './sla-enforcer.js';
import type { SlaReconciliationRepository } from './sla-reconciliation.repository.js';
import type { SlaSync } from './sla-sync.service.js';

const NOW = new Date('2026-11-23T10:00:00Z');

function setup(due: number[], failing: number[]) {
  const breached = new Set<number>();
  const repo = {
    dueForBreach: async () => due.filter((id) => !breached.has(id)),
    dueForWarning: async () => [],
    withoutSla: async () => [7],
  } as unknown as SlaReconciliationRepository;
  const enforcer = {
    breach: async (id: number, now: Date) => {
      expect(now).toBe(NOW);
      if (failing.includes(id)) throw new Error('deadlock');
      if (breached.has(id)) return false;
      breached.add(id);
      return true;
    },
  } as unknown as SlaEnforcer;
  const synced: number[] = [];
  const sync = { apply: async (id: number) => void synced.push(id) } as unknown as SlaSync;
  const job = new SlaReconciler(repo, enforcer, sync, { now: () => NOW } as SlaClock);
  return { job, breached, synced };
}

describe('SLA reconciliation', () => {
  it('breaches what is due, skips a failing target without stopping, and syncs tickets without an SLA', async () => {
    const { job, breached, synced } = setup([1, 2, 3], [2]);
    const result = await job.run(NOW);
    expect(result).toEqual({ breached: [1, 3], failed: [2], warned: [], synced: [7] });
    expect([...breached]).toEqual([1, 3]);
    expect(synced).toEqual([7]);
    // A second pass changes nothing that was done (the enforcer's conditional UPDATE says no).
    expect((await job.run(NOW)).breached).toEqual([]);
  });
});
