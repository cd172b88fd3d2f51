import { data, redirect } from '@remix-run/node';
import { zTag, type Catalog, type Ticket, type UpdateTicketInput } from '@switchboard/contracts';
import { customFieldErrors, customFieldsFromForm } from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors } from './api.server';
import type { TicketDetailsErrors } from './components/TicketDetailsForm';
import { queueApi } from './queue-api.server';
import { flash, type AgentContext } from './session.server';

function optionalId(raw: FormDataEntryValue | null): number | null {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : null;
}

/** The ticket page's "details" (type, category, team, assignee, tags, custom fields) and "take" intents. */
export async function ticketDetailsAction(ctx: Pick<AgentContext, 'api' | 'session'>, request: Request, id: number, form: FormData) {
  const api = queueApi(ctx.api);
  const here = `/tickets/${id}`;
  const notFound = { notFound: `Ticket ${id} does not exist, or it was deleted.` };

  if (form.get('intent') === 'take') {
    try {
      await api.tickets.take.mutate({ id });
    } catch (error) {
      if (apiErrorKind(error) === 'conflict' || apiErrorKind(error) === 'bad_request') {
        return data<TicketDetailsErrors>({ intent: 'take', formError: errorMessage(error) }, { status: 409 });
      }
      return apiFailure(error, request, ctx.session, notFound);
    }
    return redirect(here, { headers: await flash(ctx.session, { kind: 'success', message: 'You took this ticket.' }) });
  }

  const version = Number.parseInt(String(form.get('version') ?? ''), 10);
  const tagsText = String(form.get('tags') ?? '');
  let ticket: Ticket;
  let catalog: Catalog;
  try {
    [ticket, catalog] = await Promise.all([api.tickets.get.query({ id }), api.catalog.get.query()]);
  } catch (error) {
    return apiFailure(error, request, ctx.session, notFound);
  }
  const changes: UpdateTicketInput = {
    id,
    version: Number.isInteger(version) ? version : undefined,
    issueTypeId: optionalId(form.get('issueTypeId')),
    categoryId: optionalId(form.get('categoryId')),
    teamId: optionalId(form.get('teamId')),
    assigneeId: optionalId(form.get('assigneeId')),
  };
  const fieldErrors: Record<string, string> = {};
  const tags = tagsText
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => zTag.safeParse(t));
  const badTag = tags.findIndex((t) => !t.success);
  if (badTag >= 0) fieldErrors.tags = `Tag "${tagsText.split(',').map((t) => t.trim()).filter(Boolean)[badTag]}" ${tags[badTag]!.error!.issues[0]!.message}.`;
  else changes.tags = [...new Set(tags.map((t) => t.data!))];

  // Custom fields belong to the type the form showed; after a change of type the new type's fields appear on reload.
  const type = catalog.issueTypes.find((t) => t.id === ticket.issueType?.id);
  const parsed = type && changes.issueTypeId === type.id ? customFieldsFromForm(type.fields, form, 'null') : null;
  if (parsed) {
    Object.assign(fieldErrors, customFieldErrors(parsed.fieldErrors));
    changes.customFields = parsed.values;
  }
  const failed = (status: number, extra: Partial<TicketDetailsErrors> = {}) =>
    data<TicketDetailsErrors>({ intent: 'details', fieldErrors, raw: parsed?.raw, tags: tagsText, ...extra }, { status });
  if (Object.keys(fieldErrors).length) return failed(400);

  try {
    await api.tickets.update.mutate(changes);
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'conflict') return failed(409, { formError: `${errorMessage(error)} Reload to see the latest version, then try again.` });
    if (kind === 'bad_request') {
      const apiErrors = apiFieldErrors(error);
      Object.assign(fieldErrors, customFieldErrors(apiErrors));
      for (const [path, message] of Object.entries(apiErrors)) if (!path.startsWith('customFields.')) fieldErrors[path.split('.')[0]!] = message;
      return failed(400, { formError: Object.keys(fieldErrors).length ? undefined : errorMessage(error) });
    }
    return apiFailure(error, request, ctx.session, notFound);
  }
  return redirect(here, { headers: await flash(ctx.session, { kind: 'success', message: 'Details saved.' }) });
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The API refused this change.';
}
