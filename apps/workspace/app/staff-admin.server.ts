import { data } from '@remix-run/node';
import { requireAgent, type AgentContext } from './session.server';

/** People, teams and skills: managers and admins (the API checks again, per procedure). */
export async function requireManager(request: Request): Promise<AgentContext> {
  const ctx = await requireAgent(request);
  if (ctx.user.role !== 'admin' && ctx.user.role !== 'manager') {
    throw data({ kind: 'forbidden', message: 'Only managers and admins can manage people, teams and skills.' }, { status: 403 });
  }
  return ctx;
}

/** `a, b ,c` -> ['a', 'b', 'c'] */
export const listOf = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The first field error of an API refusal, as a sentence for the form. */
export function refusal(error: unknown, fieldErrors: Record<string, string>): string {
  const first = Object.entries(fieldErrors)[0];
  if (first) return `${first[0]}: ${first[1]}`;
  return error instanceof Error && error.message ? error.message : 'The API refused the change.';
}
