import { LEVELS, type Level } from './enums.js';

/**
 * Derived priority, 1 (lowest) .. 16 (critical urgency and critical importance).
 * Urgency weighs a little more than importance so that, at equal sum, the more urgent ticket sorts first.
 */
export function derivePriority(urgency: Level, importance: Level): number {
  const u = LEVELS.indexOf(urgency);
  const i = LEVELS.indexOf(importance);
  return u * 4 + i + 1;
}

export type PriorityBand = 'top' | 'high' | 'normal' | 'low';

export function priorityBand(urgency: Level, importance: Level): PriorityBand {
  if (urgency === 'critical' && importance === 'critical') return 'top';
  const p = derivePriority(urgency, importance);
  if (p >= 11) return 'high';
  if (p >= 6) return 'normal';
  return 'low';
}
