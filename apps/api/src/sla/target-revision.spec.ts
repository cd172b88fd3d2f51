import { countedTime } from './counted-time.js';
import { newTarget, reviseTarget, targetState, type RevisionContext } from './target-revision.js';

const T0 = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ctx = (over: Partial<RevisionContext> = {}): RevisionContext => ({
  now: T0,
  status: 'open',
  resolvedAt: null,
  policyId: 1,
  minutes: { first_response: 60, next_response: 30, resolution: 240 },
  pauseStatuses: ['waiting_on_customer', 'on_hold'],
  warnPercent: 75,
  time: countedTime(null),
  agentRepliedAt: null,
  ...over,
});

describe('reviseTarget', () => {
  it('starts a target with due and warning times and active columns', () => {
    const row = newTarget('first_response', 0, T0, ctx());
    expect(row).toMatchObject({ dueAt: at(60), warnAt: at(45), activeDueAt: at(60), activeWarnAt: at(45), metAt: null });
  });

  it('pauses and resumes the resolution clock, adding the paused time back', () => {
    let row = newTarget('resolution', 0, T0, ctx());
    row = reviseTarget(row, ctx({ now: at(30), status: 'waiting_on_customer' }));
    expect(row).toMatchObject({ pausedAt: at(30), activeDueAt: null, activeWarnAt: null });
    row = reviseTarget(row, ctx({ now: at(50), status: 'on_hold' }));
    expect(row.pausedAt).toEqual(at(30));
    row = reviseTarget(row, ctx({ now: at(90), status: 'in_progress' }));
    expect(row).toMatchObject({ pausedAt: null, pausedMs: 60 * 60_000, dueAt: at(300), activeDueAt: at(300) });
  });

  it('does not pause response targets, and does not pause when the policy says so', () => {
    const first = reviseTarget(newTarget('first_response', 0, T0, ctx()), ctx({ now: at(10), status: 'waiting_on_customer' }));
    expect(first.pausedAt).toBeNull();
    const resolution = reviseTarget(newTarget('resolution', 0, T0, ctx()), ctx({ now: at(10), status: 'waiting_on_customer', pauseStatuses: [] }));
    expect(resolution.pausedAt).toBeNull();
  });

  it('meets resolution on resolve and reopens it without counting the resolved time', () => {
    let row = newTarget('resolution', 0, T0, ctx());
    row = reviseTarget(row, ctx({ now: at(100), status: 'resolved', resolvedAt: at(100) }));
    expect(row).toMatchObject({ metAt: at(100), activeDueAt: null });
    row = reviseTarget(row, ctx({ now: at(160), status: 'open' }));
    expect(row).toMatchObject({ metAt: null, pausedMs: 60 * 60_000, dueAt: at(300) });
  });

  it('meets response targets with a reply written after they started, not before', () => {
    const row = newTarget('next_response', 1, at(20), ctx());
    expect(reviseTarget(row, ctx({ agentRepliedAt: at(10) })).metAt).toBeNull();
    expect(reviseTarget(row, ctx({ agentRepliedAt: at(25) })).metAt).toEqual(at(25));
  });

  it('recomputes from the start when the target changes, and keeps a recorded breach', () => {
    const row = { ...newTarget('first_response', 0, T0, ctx()), breachedAt: at(61) };
    const revised = reviseTarget(row, ctx({ minutes: { first_response: 15, next_response: 15, resolution: 120 } }));
    expect(revised).toMatchObject({ dueAt: at(15), targetMinutes: 15, breachedAt: at(61), activeWarnAt: null });
  });

  it('never recomputes a met target, so a later change of target or policy keeps its outcome', () => {
    const met = reviseTarget(newTarget('first_response', 0, T0, ctx()), ctx({ now: at(40), agentRepliedAt: at(40) }));
    expect(met).toMatchObject({ metAt: at(40), dueAt: at(60) });
    const revised = reviseTarget(met, ctx({ now: at(50), policyId: 2, minutes: { first_response: 15, next_response: 15, resolution: 120 } }));
    expect(revised).toMatchObject({ metAt: at(40), dueAt: at(60), warnAt: at(45), targetMinutes: 60, policyId: 1, activeDueAt: null });
    expect(targetState(revised, at(50))).toBe('met');
    const resolved = reviseTarget(newTarget('resolution', 0, T0, ctx()), ctx({ now: at(100), status: 'resolved', resolvedAt: at(100) }));
    expect(reviseTarget(resolved, ctx({ now: at(110), status: 'closed', minutes: { first_response: 15, next_response: 15, resolution: 60 } }))).toMatchObject({
      metAt: at(100),
      dueAt: at(240),
    });
  });
});

describe('targetState', () => {
  const row = newTarget('first_response', 0, T0, ctx());
  it.each([
    [at(10), 'running'],
    [at(50), 'approaching'],
    [at(61), 'breached'],
  ])('at %s is %s', (now, state) => expect(targetState(row, now)).toBe(state));
  it('is paused, met, or breached once recorded', () => {
    expect(targetState({ ...row, pausedAt: at(5) }, at(70))).toBe('paused');
    expect(targetState({ ...row, metAt: at(5) }, at(70))).toBe('met');
    expect(targetState({ ...row, metAt: at(65), breachedAt: at(61) }, at(70))).toBe('breached');
  });
});
