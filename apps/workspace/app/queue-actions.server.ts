import { data } from '@remix-run/node';
import { LEVELS, TICKET_STATUSES, zTag, type BulkUpdateInput, type BulkUpdateResult, type Level, type TicketStatus } from '@switchboard/contracts';
import { filtersFromSearch } from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors } from './api.server';
import { queueApi } from './queue-api.server';
import { flash, type AgentContext } from './session.server';
import { redirect } from '@remix-run/node';

export type QueueActionResult =
  | { intent: 'bulk'; result?: BulkUpdateResult; error?: string }
  | { intent: 'save-view' | 'delete-view'; error: string };

function oneOf<T extends string>(values: readonly T[], raw: FormDataEntryValue | null): T | undefined {
  return values.includes(raw as T) ? (raw as T) : undefined;
}

/** 'none' -> null (clear), an id -> number, '' -> no change. */
function idOrNone(raw: FormDataEntryValue | null): number | null | undefined {
  const value = String(raw ?? '');
  if (!value) return undefined;
  if (value === 'none') return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The bulk bar's form as tickets.bulkUpdate input, or a sentence saying what is missing. */
export function bulkInputFromForm(form: FormData): BulkUpdateInput | string {
  const ids = (form.get('allOnPage') === 'true' ? String(form.get('pageIds') ?? '').split(',') : form.getAll('ids').map(String))
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (!ids.length) return 'Select at least one ticket.';
  const changes: BulkUpdateInput['changes'] = {};
  const status = oneOf<TicketStatus>(TICKET_STATUSES, form.get('status'));
  if (status) changes.status = status;
  const urgency = oneOf<Level>(LEVELS, form.get('urgency'));
  if (urgency) changes.urgency = urgency;
  const importance = oneOf<Level>(LEVELS, form.get('importance'));
  if (importance) changes.importance = importance;
  const assigneeId = idOrNone(form.get('assigneeId'));
  if (assigneeId !== undefined) changes.assigneeId = assigneeId;
  const teamId = idOrNone(form.get('teamId'));
  if (teamId !== undefined) changes.teamId = teamId;
  for (const [field, key] of [['addTag', 'addTags'], ['removeTag', 'removeTags']] as const) {
    const raw = String(form.get(field) ?? '').trim();
    if (!raw) continue;
    const tags = raw.split(',').map((t) => zTag.safeParse(t));
    const bad = tags.find((t) => !t.success);
    if (bad) return `Tag "${raw}" ${bad.error?.issues[0]?.message ?? 'is not valid'}.`;
    changes[key] = tags.map((t) => t.data!);
  }
  if (!Object.keys(changes).length) return 'Choose a change to apply (status, assignee, team, urgency, importance or a tag).';
  return { ids: [...new Set(ids)], changes };
}

export async function queueAction(ctx: AgentContext, request: Request, form: FormData) {
  const api = queueApi(ctx.api);
  const intent = form.get('intent');
  const here = new URL(request.url);
  const back = `${here.pathname}${here.search}`.replace(/[?&]index\b[^&]*/, '');

  if (intent === 'bulk') {
    const input = bulkInputFromForm(form);
    if (typeof input === 'string') return data<QueueActionResult>({ intent: 'bulk', error: input }, { status: 400 });
    try {
      const result = await api.tickets.bulkUpdate.mutate(input);
      return data<QueueActionResult>({ intent: 'bulk', result });
    } catch (error) {
      if (apiErrorKind(error) === 'bad_request') {
        const message = Object.entries(apiFieldErrors(error))
          .map(([f, m]) => `${f}: ${m}`)
          .join('; ');
        return data<QueueActionResult>({ intent: 'bulk', error: message || 'The API refused this change.' }, { status: 400 });
      }
      return apiFailure(error, request, ctx.session);
    }
  }

  if (intent === 'save-view') {
    const name = String(form.get('name') ?? '').trim();
    if (!name) return data<QueueActionResult>({ intent, error: 'Give the view a name.' }, { status: 400 });
    let raw: Record<string, string> = {};
    try {
      raw = JSON.parse(String(form.get('filters') ?? '{}')) as Record<string, string>;
    } catch {
      /* treated as no filters */
    }
    // The same cleaning as the page's own query string: a view never stores what the list would reject.
    const filters = filtersFromSearch(new URLSearchParams(Object.entries(raw).filter(([, v]) => typeof v === 'string')));
    try {
      const view = await api.views.save.mutate({ name, filters, shared: form.get('shared') === 'true' });
      return redirect(back, { headers: await flash(ctx.session, { kind: 'success', message: `View "${view.name}" saved.` }) });
    } catch (error) {
      if (apiErrorKind(error) === 'bad_request') {
        const [, message] = Object.entries(apiFieldErrors(error))[0] ?? [];
        return data<QueueActionResult>({ intent, error: message ? `Name ${message}.` : 'The API refused this view.' }, { status: 400 });
      }
      return apiFailure(error, request, ctx.session);
    }
  }

  if (intent === 'delete-view') {
    const id = Number(form.get('viewId'));
    if (!Number.isInteger(id) || id <= 0) return data<QueueActionResult>({ intent, error: 'Which view?' }, { status: 400 });
    try {
      await api.views.delete.mutate({ id });
    } catch (error) {
      if (apiErrorKind(error) === 'forbidden') {
        return data<QueueActionResult>({ intent, error: 'Only the owner can delete a view.' }, { status: 403 });
      }
      return apiFailure(error, request, ctx.session, { notFound: 'That view was already deleted.' });
    }
    return redirect(back, { headers: await flash(ctx.session, { kind: 'success', message: 'View deleted.' }) });
  }

  return data<QueueActionResult>({ intent: 'bulk', error: 'Unknown action.' }, { status: 400 });
}
