import { data } from '@remix-run/node';
import { apiErrorKind, apiFailure, apiFieldErrors } from './api.server';
import { requireAgent, type AgentContext, type WorkspaceSession } from './session.server';

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

/**
 * A save of an admin list page (companies, teams, skills) that failed: bad input or a clash goes back to
 * the form of record `id` (undefined: the new-record form) as a 400; anything else as apiFailure says.
 */
export async function refusedSave(error: unknown, request: Request, session: WorkspaceSession, id: number | undefined) {
  const kind = apiErrorKind(error);
  if (kind === 'bad_request' || kind === 'conflict') return data({ id, error: refusal(error, apiFieldErrors(error)) }, { status: 400 });
  return apiFailure(error, request, session);
}
