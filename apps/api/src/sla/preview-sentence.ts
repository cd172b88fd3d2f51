import { DateTime } from 'luxon';

function local(at: Date, zone: string, reference?: Date): string {
  const t = DateTime.fromJSDate(at, { zone });
  // Within a week of the reference the weekday is enough, as people say it; further out, the date too.
  const near = reference && Math.abs(at.getTime() - reference.getTime()) < 6 * 86_400_000;
  return t.toFormat(near || !reference ? 'cccc HH:mm' : 'cccc d LLLL yyyy HH:mm');
}

/** "A critical/high ticket created Friday 17:30 is due Monday 09:30" (first response), in the calendar's zone. */
export function previewSentence(kind: string, createdAt: Date, dueAt: Date, zone: string): string {
  return `A ${kind} ticket created ${local(createdAt, zone)} is due ${local(dueAt, zone, createdAt)}`;
}
previewSentence.local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('cccc d LLLL yyyy HH:mm');
