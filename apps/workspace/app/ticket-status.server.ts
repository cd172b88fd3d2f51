import { data, redirect } from '@remix-run/node';
import { LEVELS, TICKET_STATUSES, type Level, type TicketStatus } from '@switchboard/contracts';
import { levelLabel, statusLabel } from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { fieldSentence } from '~/fields';
import { flash, type AgentContext } from '~/session.server';
import { CONFLICT_MESSAGE, type TicketChangeErrors } from '~/ticket-conflict';

/** The ticket page's "status" and "priority" intents: one versioned update, a conflict told as such. */
export async function ticketStatusAction(
  { api, session }: Pick<AgentContext, 'api' | 'session'>,
  request: Request,
  id: number,
  form: FormData,
  intent: 'status' | 'priority',
) {
  const version = Number.parseInt(String(form.get('version') ?? ''), 10);
  const changes: { status?: TicketStatus; urgency?: Level; importance?: Level } = {};
  if (intent === 'status') {
    const status = String(form.get('status') ?? '');
    if (!TICKET_STATUSES.includes(status as TicketStatus)) {
      return data<TicketChangeErrors>({ intent, formError: 'Choose a status.' }, { status: 400 });
    }
    changes.status = status as TicketStatus;
  } else {
    const urgency = String(form.get('urgency') ?? '');
    const importance = String(form.get('importance') ?? '');
    if (!LEVELS.includes(urgency as Level) || !LEVELS.includes(importance as Level)) {
      return data<TicketChangeErrors>({ intent, formError: 'Choose an urgency and an importance.' }, { status: 400 });
    }
    changes.urgency = urgency as Level;
    changes.importance = importance as Level;
  }
  if (!Number.isInteger(version)) {
    return data<TicketChangeErrors>({ intent, formError: 'This form is out of date. Reload the ticket and try again.' }, { status: 400 });
  }
  try {
    await api.tickets.update.mutate({ id, version, ...changes });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'conflict') {
      // The API says who changed it and when ("… changed by Ben Agent 12 s ago …"): worth showing.
      const detail = error instanceof Error ? error.message : undefined;
      return data<TicketChangeErrors>({ intent, formError: CONFLICT_MESSAGE, conflict: true, detail }, { status: 409 });
    }
    if (kind === 'bad_request') {
      const [field, raw] = Object.entries(apiFieldErrors(error))[0] ?? [];
      // "cannot change from resolved to waiting_on_customer" -> the names agents see in the select.
      const message =
        field === 'status' && raw
          ? raw.replace(new RegExp(`\\b(${TICKET_STATUSES.join('|')})\\b`, 'g'), (s) => statusLabel(s, 'agent'))
          : raw;
      const label = field === 'status' ? 'Status' : field === 'urgency' ? 'Urgency' : field === 'importance' ? 'Importance' : 'The change';
      return data<TicketChangeErrors>(
        {
          intent,
          formError:
            fieldSentence(label, message) ?? (error instanceof Error && error.message ? error.message : 'The API refused this change.'),
        },
        { status: 400 },
      );
    }
    return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
  }
  const message =
    intent === 'status'
      ? `Status changed to ${statusLabel(changes.status!, 'agent')}.`
      : `Priority changed to urgency ${levelLabel(changes.urgency!)}, importance ${levelLabel(changes.importance!)}.`;
  return redirect(`/tickets/${id}`, { headers: await flash(session, { kind: 'success', message }) });
}
