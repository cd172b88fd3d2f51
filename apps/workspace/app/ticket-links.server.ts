import { data, redirect } from '@remix-run/node';
import { zTicketId, type Ticket, type TicketLink } from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';
import { apiErrorKind, apiFailure, apiFieldErrors } from './api.server';
import type { TicketLinksErrors, TicketLinksIntent } from './components/LinkedTickets';
import { flash, type AgentContext } from './session.server';

/** The procedures between tickets this page calls, typed by the contracts (see queueApi for the idea). */
export interface LinkProcedures {
  tickets: {
    links: { query(input: { id: number }): Promise<{ links: TicketLink[] }> };
    link: { mutate(input: { id: number; otherId: number }): Promise<{ links: TicketLink[] }> };
    unlink: { mutate(input: { id: number; otherId: number }): Promise<{ links: TicketLink[] }> };
    merge: { mutate(input: { id: number; targetId: number }): Promise<Ticket> };
    split: { mutate(input: { id: number; entryId: number; subject?: string; reason?: string }): Promise<Ticket> };
    moveEntry: { mutate(input: { id: number; entryId: number; targetId: number; reason?: string }): Promise<Ticket> };
  };
}

export function linksApi(api: ApiClient): LinkProcedures {
  return api;
}

/** The field each intent names the other ticket (or message) by. */
const FIELD: Record<TicketLinksIntent, 'otherId' | 'targetId' | 'entryId'> = {
  link: 'otherId',
  unlink: 'otherId',
  merge: 'targetId',
  split: 'entryId',
  move: 'entryId',
};
const MISSING: Record<TicketLinksIntent, string> = {
  link: 'Enter the number of the ticket to link, like 1004.',
  unlink: 'This link is out of date. Reload the ticket.',
  merge: 'Enter the number of the ticket to merge into, like 1003.',
  split: 'Choose the customer message to split off.',
  move: 'Choose the customer message to move.',
};

/** "must be another ticket" -> "Must be another ticket."; the API phrases field errors as fragments. */
function sentence(message: string): string {
  const text = message.replace(/^[\w.]+:\s+/, '').trim();
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The ticket page's "link", "unlink", "merge" and "split" intents. */
export async function ticketLinksAction(
  ctx: Pick<AgentContext, 'api' | 'session'>,
  request: Request,
  id: number,
  form: FormData,
  intent: TicketLinksIntent,
) {
  const api = linksApi(ctx.api);
  const field = FIELD[intent];
  const raw = String(form.get(field) ?? '').trim().replace(/^#/, '');
  const subject = String(form.get('subject') ?? '').trim();
  const reason = String(form.get('reason') ?? '').trim();
  const targetRaw = String(form.get('targetId') ?? '').trim().replace(/^#/, '');
  const values = { [field]: raw, ...(intent === 'split' ? { subject, reason } : {}), ...(intent === 'move' ? { targetId: targetRaw, reason } : {}) };
  const failed = (status: number, errors: Omit<TicketLinksErrors, 'intent' | 'values'>) =>
    data<TicketLinksErrors>({ intent, values, ...errors }, { status });

  const other = zTicketId.safeParse(raw);
  if (!raw || !other.success) return failed(400, { fieldErrors: { [field]: MISSING[intent] } });
  if (intent === 'split' && subject.length > 200) return failed(400, { fieldErrors: { subject: 'Subject must be at most 200 characters.' } });
  if (reason.length > 255) return failed(400, { fieldErrors: { reason: 'The reason must be at most 255 characters.' } });
  const target = zTicketId.safeParse(targetRaw);
  if (intent === 'move' && (!targetRaw || !target.success)) return failed(400, { fieldErrors: { targetId: 'Enter the number of the ticket to move it to, like 1003.' } });

  let goTo = `/tickets/${id}`;
  let message: string;
  try {
    switch (intent) {
      case 'link':
        await api.tickets.link.mutate({ id, otherId: other.data });
        message = `Linked #${other.data} as a related ticket.`;
        break;
      case 'unlink':
        await api.tickets.unlink.mutate({ id, otherId: other.data });
        message = `#${other.data} is no longer linked.`;
        break;
      case 'merge': {
        const target = await api.tickets.merge.mutate({ id, targetId: other.data });
        goTo = `/tickets/${target.id}`;
        message = `Ticket #${id} was merged into this ticket; #${id} is closed.`;
        break;
      }
      case 'split': {
        const fresh = await api.tickets.split.mutate({ id, entryId: other.data, ...(subject ? { subject } : {}), ...(reason ? { reason } : {}) });
        goTo = `/tickets/${fresh.id}`;
        message = `The message was split off #${id} into this new ticket.`;
        break;
      }
      case 'move': {
        const moved = await api.tickets.moveEntry.mutate({ id, entryId: other.data, targetId: target.data!, ...(reason ? { reason } : {}) });
        goTo = `/tickets/${moved.id}`;
        message = `The message was moved here from #${id}.`;
        break;
      }
    }
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict') {
      const apiErrors = apiFieldErrors(error);
      const fieldErrors: Record<string, string> = {};
      for (const [path, text] of Object.entries(apiErrors)) {
        const key = path.split('.')[0]!;
        if (key === field || key === 'subject' || key === 'reason' || (intent === 'move' && key === 'targetId')) fieldErrors[key] = sentence(text);
      }
      // An error about this ticket itself ("ticket #1001 is closed") belongs to the form, not a field.
      const rest = Object.entries(apiErrors).find(([path]) => !(path.split('.')[0]! in fieldErrors));
      const formError = rest ? sentence(rest[1]) : Object.keys(fieldErrors).length ? undefined : errorMessage(error);
      return failed(kind === 'conflict' ? 409 : 400, { fieldErrors, formError });
    }
    return apiFailure(error, request, ctx.session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
  }
  return redirect(goTo, { headers: await flash(ctx.session, { kind: 'success', message }) });
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The API refused this change.';
}
