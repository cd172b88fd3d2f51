import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  LEVELS,
  TICKET_STATUSES,
  zTicketId,
  type Level,
  type AuditEntry,
  type Ticket,
  type TicketLink,
  type TicketStatus,
  type Timeline as TimelineData,
} from '@switchboard/contracts';
import {
  channelLabel,
  levelLabel,
  OUTBOUND_CHANNELS,
  PriorityBadge,
  RelativeTime,
  SlaBadges,
  StatusBadge,
  statusLabel,
  Timeline,
  timelineFilterKinds,
  TimelineKindFilter,
} from '@switchboard/ui';
import { apiErrorKind, apiFailure, apiFieldErrors, notFound } from '~/api.server';
import { FILE_LIMIT, readPostedForm, tooLargeMessage, uploadFiles } from '~/attachments.server';
import { fieldSentence } from '~/fields';
import { AuditTrail } from '~/components/AuditTrail';
import { CallBackForm, type CallBackErrors } from '~/components/CallBackForm';
import { WhatsappTemplateForm, type WhatsappTemplateErrors } from '~/components/WhatsappTemplateForm';
import { Composer, type ComposerErrors } from '~/components/Composer';
import { KbReplyHelper } from '~/components/KbReplyHelper';
import { LiveTicket } from '~/components/LiveTicket';
import { ReadReceipt } from '~/components/ReadReceipt';
import { PriorityForm } from '~/components/PriorityForm';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { StatusForm } from '~/components/StatusForm';
import { TicketDetailsForm, type TicketDetailsErrors } from '~/components/TicketDetailsForm';
import { isLinkIntent, type TicketLinksErrors } from '~/components/LinkedTickets';
import { TicketLinksPanel } from '~/components/TicketLinksPanel';
import { queueApi } from '~/queue-api.server';
import { ticketDetailsAction } from '~/ticket-details.server';
import { linksApi, ticketLinksAction } from '~/ticket-links.server';
import { loadTicketExtras } from '~/ticket-extras.server';
import { flash, requireAgent } from '~/session.server';
import { loadOlderPages, timelineSearch, timelineViewFrom } from '~/timeline-view';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `#${data.ticket.number} ${data.ticket.subject} · Switchboard workspace` : 'Ticket · Switchboard workspace' },
];

function ticketIdOrNotFound(raw: string | undefined): number {
  const parsed = zTicketId.safeParse(raw);
  if (!parsed.success) notFound(`There is no ticket "${raw}".`);
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session, timeZone, user } = await requireAgent(request);
  const id = ticketIdOrNotFound(params.id);
  const mayAudit = user.role === 'manager' || user.role === 'admin';
  let audit: AuditEntry[] | null = null;
  // Reference data for the details editors (issue types with their fields, teams, agents…).
  const catalogCall = queueApi(api).catalog.get.query();
  const view = timelineViewFrom(new URL(request.url));
  const kinds = timelineFilterKinds(view.filter);
  let ticket: Ticket;
  let timeline: { entries: TimelineData['entries']; hasOlder: boolean };
  let links: TicketLink[];
  try {
    // Both go out in one batched HTTP request; older pages ("Load older") follow one by one.
    const [got, first, linked] = (await Promise.all([
      api.tickets.get.query({ id }),
      api.tickets.timeline.query({ id, kinds }),
      linksApi(api).tickets.links.query({ id }),
    ])) as [Ticket, TimelineData, { links: TicketLink[] }];
    links = linked.links;
    if (mayAudit) audit = (await api.audit.forTicket.query({ ticketId: id })).entries as AuditEntry[];
    ticket = got;
    timeline = await loadOlderPages((input) => api.tickets.timeline.query(input) as Promise<TimelineData>, id, view, first);
  } catch (error) {
    return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
  }
  const catalog = await catalogCall.catch((error: unknown) => apiFailure(error, request, session));
  const extras = await loadTicketExtras(api, ticket, user.id);
  return {
    ...extras,
    ticket,
    catalog,
    links,
    userId: user.id,
    entries: timeline.entries,
    olderHref: timeline.hasOlder ? timelineSearch({ ...view, pages: view.pages + 1 }) : undefined,
    view,
    audit,
    now: new Date().toISOString(),
    timeZone,
    fileLimit: FILE_LIMIT,
  };
}

type ActionResult =
  | ComposerErrors
  | { intent: 'status' | 'priority'; formError: string; conflict?: boolean; detail?: string }
  | TicketDetailsErrors
  | TicketLinksErrors
  | CallBackErrors
  | WhatsappTemplateErrors;

const CONFLICT_MESSAGE =
  'This ticket changed since you opened it (someone else updated it). Reload to see the latest version, then try again.';

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session, token } = await requireAgent(request);
  const id = ticketIdOrNotFound(params.id);
  const { form, files, tooLarge } = await readPostedForm(request);
  const intent = form.get('intent');
  const here = `/tickets/${id}`;

  if (intent === 'details' || intent === 'take') return ticketDetailsAction({ api, session }, request, id, form);
  if (isLinkIntent(intent)) return ticketLinksAction({ api, session }, request, id, form, intent);

  if (intent === 'reply') {
    const body = String(form.get('body') ?? '');
    const internal = form.get('internal') === 'true';
    const values = { body, internal };
    if (!body.trim()) {
      return data<ActionResult>(
        { intent: 'reply', values, fieldErrors: { body: internal ? 'Write the note first.' : 'Write the reply first.' } },
        { status: 400 },
      );
    }
    if (tooLarge.length) {
      return data<ActionResult>({ intent: 'reply', values, fieldErrors: { files: tooLargeMessage(tooLarge) } }, { status: 413 });
    }
    // Files first, then the reply or note claims them in one step.
    const uploaded = await uploadFiles(request, token, files);
    if (!uploaded.ok) {
      return data<ActionResult>({ intent: 'reply', values, fieldErrors: { files: uploaded.message } }, { status: uploaded.status || 503 });
    }
    try {
      await api.tickets.reply.mutate({ id, body, internal, attachmentIds: uploaded.ids });
    } catch (error) {
      const kind = apiErrorKind(error);
      if (kind === 'bad_request') {
        const fieldErrors = apiFieldErrors(error);
        const { body: bodyError, ...rest } = fieldErrors;
        const other = Object.values(rest)[0];
        return data<ActionResult>(
          {
            intent: 'reply',
            values,
            fieldErrors: bodyError ? { body: fieldSentence('Message', bodyError)! } : {},
            formError: other ?? (bodyError ? undefined : 'The API refused this message.'),
          },
          { status: 400 },
        );
      }
      if (kind === 'conflict') {
        return data<ActionResult>({ intent: 'reply', values, formError: CONFLICT_MESSAGE }, { status: 409 });
      }
      return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
    }
    const headers = await flash(session, {
      kind: 'success',
      message: internal ? 'Internal note added.' : 'Reply sent to the customer.',
    });
    return redirect(here, { headers });
  }

  if (intent === 'whatsapp-template') {
    const template = String(form.get('template') ?? '');
    const variables = Object.fromEntries(
      [...form.entries()].filter(([key]) => key.startsWith('var-')).map(([key, value]) => [key.slice(4), String(value)]),
    );
    try {
      await api.phone.sendWhatsappTemplate.mutate({ id, template, variables });
      return redirect(here, { headers: await flash(session, { kind: 'success', message: `Template “${template}” sent.` }) });
    } catch (error) {
      if (apiErrorKind(error) === 'bad_request') {
        const [field, problem] = Object.entries(apiFieldErrors(error))[0] ?? ['template', 'The template could not be sent.'];
        const name = field.startsWith('variables.') ? field.slice('variables.'.length) : field;
        return data<ActionResult>({ intent: 'whatsapp-template', template, field, formError: `${name}: ${problem}` }, { status: 400 });
      }
      return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
    }
  }

  if (intent === 'call-back') {
    const agentPhone = String(form.get('agentPhone') ?? '').trim();
    const values = { agentPhone };
    try {
      const placed = await api.phone.callBack.mutate({ id, agentPhone });
      const headers = await flash(session, { kind: 'success', message: `Calling ${placed.agentPhone} now: answer, and we connect ${placed.customerPhone}.` });
      return redirect(here, { headers });
    } catch (error) {
      if (apiErrorKind(error) === 'bad_request') {
        const fieldErrors = apiFieldErrors(error);
        return data<ActionResult>(
          {
            intent: 'call-back',
            values,
            agentPhone: fieldErrors.agentPhone ? fieldSentence('Your phone', fieldErrors.agentPhone) : undefined,
            formError: fieldErrors.agentPhone ? undefined : (Object.values(fieldErrors)[0] ?? 'The call could not be placed.'),
          },
          { status: 400 },
        );
      }
      return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
    }
  }

  if (intent === 'status' || intent === 'priority') {
    const version = Number.parseInt(String(form.get('version') ?? ''), 10);
    const changes: { status?: TicketStatus; urgency?: Level; importance?: Level } = {};
    if (intent === 'status') {
      const status = String(form.get('status') ?? '');
      if (!TICKET_STATUSES.includes(status as TicketStatus)) {
        return data<ActionResult>({ intent, formError: 'Choose a status.' }, { status: 400 });
      }
      changes.status = status as TicketStatus;
    } else {
      const urgency = String(form.get('urgency') ?? '');
      const importance = String(form.get('importance') ?? '');
      if (!LEVELS.includes(urgency as Level) || !LEVELS.includes(importance as Level)) {
        return data<ActionResult>({ intent, formError: 'Choose an urgency and an importance.' }, { status: 400 });
      }
      changes.urgency = urgency as Level;
      changes.importance = importance as Level;
    }
    if (!Number.isInteger(version)) {
      return data<ActionResult>({ intent, formError: 'This form is out of date. Reload the ticket and try again.' }, { status: 400 });
    }
    try {
      await api.tickets.update.mutate({ id, version, ...changes });
    } catch (error) {
      const kind = apiErrorKind(error);
      if (kind === 'conflict') {
        // The API says who changed it and when ("… changed by Ben Agent 12 s ago …"): worth showing.
        const detail = error instanceof Error ? error.message : undefined;
        return data<ActionResult>({ intent, formError: CONFLICT_MESSAGE, conflict: true, detail }, { status: 409 });
      }
      if (kind === 'bad_request') {
        const [field, raw] = Object.entries(apiFieldErrors(error))[0] ?? [];
        // "cannot change from resolved to waiting_on_customer" -> the names agents see in the select.
        const message =
          field === 'status' && raw
            ? raw.replace(new RegExp(`\\b(${TICKET_STATUSES.join('|')})\\b`, 'g'), (s) => statusLabel(s, 'agent'))
            : raw;
        const label = field === 'status' ? 'Status' : field === 'urgency' ? 'Urgency' : field === 'importance' ? 'Importance' : 'The change';
        return data<ActionResult>(
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
    return redirect(here, { headers: await flash(session, { kind: 'success', message }) });
  }

  return data({ intent: 'status' as const, formError: 'Unknown action.' }, { status: 400 });
}

export default function TicketView() {
  const { ticket, sla, catalog, links, userId, entries, olderHref, view, audit, now, timeZone, fileLimit, entryNotes, whatsappTemplates, myPhone, receipts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const conflict = actionData && (actionData.intent === 'status' || actionData.intent === 'priority') && actionData.conflict ? actionData : null;
  const delivery = OUTBOUND_CHANNELS.has(ticket.channel) ? `by ${channelLabel(ticket.channel)}` : '';

  return (
    <div className="sb-ticket" data-testid="ticket" data-ticket-id={ticket.id} data-version={ticket.version}>
      <header className="sb-ticket__head">
        <p className="sb-ticket__crumbs">
          <Link to="/tickets">Queue</Link> <span aria-hidden="true">/</span> <span>#{ticket.number}</span>
        </p>
        <h1 className="sb-ticket__title">
          <span className="sb-ticket__number">#{ticket.number}</span> {ticket.subject}
        </h1>
        <div className="sb-ticket__meta">
          <StatusBadge status={ticket.status} />
          <PriorityBadge urgency={ticket.urgency} importance={ticket.importance} detailed />
          <SlaBadges sla={sla} now={now} />
          <span>
            from <strong>{ticket.requester.name}</strong>
            {ticket.requester.email ? <span className="sb-muted"> &lt;{ticket.requester.email}&gt;</span> : null}
          </span>
          <span className="sb-muted">
            opened <RelativeTime value={ticket.createdAt} now={now} timeZone={timeZone} /> via {channelLabel(ticket.channel)}
          </span>
        </div>
        <LiveTicket ticketId={ticket.id} userId={userId} loadedAt={now} />
        {conflict ? (
          <p className="sb-alert sb-alert--error" data-testid="error" role="alert">
            {CONFLICT_MESSAGE} <a href={`/tickets/${ticket.id}`}>Reload</a>
            {conflict.detail ? <span className="sb-alert__detail">{conflict.detail}</span> : null}
          </p>
        ) : null}
      </header>

      <div className="sb-ticket__body">
        <div className="sb-ticket__conversation">
          <TimelineKindFilter current={view.filter} hrefFor={(filter) => `/tickets/${ticket.id}${timelineSearch({ filter, pages: 1 })}`} />
          <Timeline
            entries={entries}
            viewer="agent"
            now={now}
            timeZone={timeZone}
            attachmentUrl={(attachmentId) => `/attachments/${attachmentId}`}
            olderHref={olderHref ? `/tickets/${ticket.id}${olderHref}` : undefined}
            entryNotes={entryNotes}
            entryNoteHref={(entryId) => `/tickets/${ticket.id}/email/${entryId}`}
          />
          <ReadReceipt receipts={receipts} entries={entries} now={now} timeZone={timeZone} />
          {ticket.status === 'closed' ? (
            <p className="sb-closed-note" data-testid="closed-note">
              This ticket is closed: it takes no more replies or notes. If the customer needs more help,{' '}
              <Link to="/tickets/new">open a new ticket</Link>.
            </p>
          ) : (
            <Composer
              requesterName={ticket.requester.name}
              deliveryHint={delivery}
              counter={ticket.channel === 'sms' || ticket.channel === 'whatsapp' ? ticket.channel : undefined}
              fileLimit={fileLimit}
              errors={actionData?.intent === 'reply' ? (actionData as ComposerErrors) : undefined}
            />
          )}
          <KbReplyHelper draftFromTicketId={ticket.status === 'resolved' || ticket.status === 'closed' ? ticket.id : null} />
        </div>
        <aside className="sb-ticket__side" aria-label="Ticket details">
          <StatusForm
            status={ticket.status}
            version={ticket.version}
            error={actionData?.intent === 'status' && !conflict ? (actionData as { formError: string }).formError : undefined}
          />
          <PriorityForm
            urgency={ticket.urgency}
            importance={ticket.importance}
            version={ticket.version}
            error={actionData?.intent === 'priority' && !conflict ? (actionData as { formError: string }).formError : undefined}
          />
          {ticket.channel === 'phone' ? (
            <CallBackForm myPhone={myPhone} errors={actionData?.intent === 'call-back' ? (actionData as CallBackErrors) : undefined} />
          ) : null}
          {ticket.channel === 'whatsapp' ? (
            <WhatsappTemplateForm
              templates={whatsappTemplates}
              errors={actionData?.intent === 'whatsapp-template' ? (actionData as WhatsappTemplateErrors) : undefined}
            />
          ) : null}
          <TicketDetailsForm
            ticket={ticket}
            catalog={catalog}
            currentUserId={userId}
            errors={actionData?.intent === 'details' || actionData?.intent === 'take' ? (actionData as TicketDetailsErrors) : undefined}
          />
          <TicketLinksPanel
            ticket={ticket}
            links={links}
            entries={entries}
            errors={actionData && isLinkIntent(actionData.intent) ? (actionData as TicketLinksErrors) : undefined}
          />
          <dl className="sb-facts">
            <dt>Requester</dt>
            <dd>
              {ticket.requester.role === 'customer' ? (
                <Link to={`/customers/${ticket.requester.id}`} data-testid="requester-profile">
                  {ticket.requester.name}
                </Link>
              ) : (
                ticket.requester.name
              )}
              {ticket.requester.email ? <div className="sb-muted sb-facts__sub">{ticket.requester.email}</div> : null}
            </dd>
            <dt>Assignee</dt>
            <dd>{ticket.assignee ? ticket.assignee.name : <span className="sb-muted">Unassigned</span>}</dd>
            {sla ? (
              <>
                <dt>SLA policy</dt>
                <dd data-testid="sla-policy">
                  {sla.policyName}
                  <div className="sb-muted sb-facts__sub">{sla.reason}</div>
                  <SlaBadges sla={sla} now={now} detailed />
                </dd>
              </>
            ) : null}
            <dt>Channel</dt>
            <dd>{channelLabel(ticket.channel)}</dd>
            <dt>Updated</dt>
            <dd>
              <RelativeTime value={ticket.updatedAt} now={now} timeZone={timeZone} />
            </dd>
          </dl>
          {audit ? <AuditTrail entries={audit as AuditEntry[]} now={now} timeZone={timeZone} /> : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
