import { describe, expect, it } from '@jest/globals';
import type { SlaTarget, TicketSla } from '@switchboard/contracts';
import { formatDuration, slaBadges } from './sla-badge.js';

const NOW = '2026-11-23T10:00:00.000Z';
const min = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString();
const target = (over: Partial<SlaTarget>): SlaTarget => ({
  metric: 'first_response',
  seq: 0,
  state: 'running',
  targetMinutes: 60,
  startedAt: min(-30),
  dueAt: min(30),
  warnAt: min(15),
  pausedAt: null,
  pausedMs: 0,
  metAt: null,
  breachedAt: null,
  ...over,
});
const sla = (targets: SlaTarget[]): TicketSla => ({ ticketId: 1, policyId: 1, policyName: 'Default', reason: '', nextDueAt: null, targets });

describe('SLA badges', () => {
  it('formats durations with the two largest units, rounded down', () => {
    expect([formatDuration(59_999), formatDuration(45 * 60_000), formatDuration(125 * 60_000), formatDuration(3 * 1440 * 60_000 + 4 * 3600_000 + 59_000)]).toEqual([
      '0m',
      '45m',
      '2h 5m',
      '3d 4h',
    ]);
  });

  it('shows running targets green, approaching amber, breached red with the overdue time, paused grey, and hides met ones', () => {
    const badges = slaBadges(
      sla([
        target({ dueAt: min(90), warnAt: min(60) }),
        target({ metric: 'next_response', dueAt: min(10), warnAt: min(-5) }),
        target({ metric: 'resolution', dueAt: min(-65), warnAt: min(-80) }),
      ]),
      NOW,
    );
    expect(badges.map((b) => [b.state, b.short])).toEqual([
      ['running', 'FR 1h 30m'],
      ['approaching', 'NR 10m'],
      ['breached', 'RES 1h 5m overdue'],
    ]);
    expect(slaBadges(sla([target({ metric: 'resolution', pausedAt: min(-5), dueAt: min(-1) })]), NOW)[0]).toMatchObject({ state: 'paused', short: 'RES paused' });
    expect(slaBadges(sla([target({ metAt: min(-1) })]), NOW)).toEqual([]);
    expect(slaBadges(null, NOW)).toEqual([]);
  });
});
