import { addBusinessTime, businessTimeBetween, type BusinessHours } from './business-time.js';

/** Time as a policy counts it: every millisecond (calendar time) or only open hours of its calendar (business time). */
export interface CountedTime {
  add(start: Date, ms: number): Date;
  between(from: Date, to: Date): number;
}

export function countedTime(hours: BusinessHours | null): CountedTime {
  if (!hours) {
    return {
      add: (start, ms) => new Date(start.getTime() + ms),
      between: (from, to) => Math.max(0, to.getTime() - from.getTime()),
    };
  }
  return { add: (start, ms) => addBusinessTime(start, ms, hours), between: (from, to) => businessTimeBetween(from, to, hours) };
}
