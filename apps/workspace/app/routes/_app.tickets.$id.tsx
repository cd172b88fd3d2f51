import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { AuditEntry } from '@switchboard/contracts';
import { channelLabel, OUTBOUND_CHANNELS, Timeline, TimelineKindFilter } from '@switchboard/ui';
import { readPostedForm } from '~/attachments.server';
import { AuditTrail } from '~/components/AuditTrail';
import { CallBackForm, type CallBackErrors } from '~/components/CallBackForm';
import { WhatsappTemplateForm, type WhatsappTemplateErrors } from '~/components/WhatsappTemplateForm';
import { Composer, type ComposerErrors } from '~/components/Composer';
import { KbReplyHelper } from '~/components/KbReplyHelper';
import { ReadReceipt } from '~/components/ReadReceipt';
import { PriorityForm } from '~/components/PriorityForm';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { StatusForm } from '~/components/StatusForm';
import { TicketDetailsForm, type TicketDetailsErrors } from '~/components/TicketDetailsForm';
import { TicketFacts } from '~/components/TicketFacts';
import { TicketHeader } from '~/components/TicketHeader';
import { isLinkIntent, type TicketLinksErrors } from '~/components/LinkedTickets';
import { TicketLinksPanel } from '~/components/TicketLinksPanel';
import { requireAgent } from '~/session.server';
import type { TicketChangeErrors } from '~/ticket-conflict';
import { ticketDetailsAction } from '~/ticket-details.server';
import { ticketLinksAction } from '~/ticket-links.server';
import { callBackAction, whatsappTemplateAction } from '~/ticket-phone.server';
import { ticketReplyAction } from '~/ticket-reply.server';
import { ticketStatusAction } from '~/ticket-status.server';
import { loadTicketView, ticketIdOrNotFound } from '~/ticket-view.server';
import { timelineSearch } from '~/timeline-view';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `#${data.ticket.number} ${data.ticket.subject} · Switchboard workspace` : 'Ticket · Switchboard workspace' },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireAgent(request);
  return loadTicketView(ctx, request, ticketIdOrNotFound(params.id));
}

type ActionResult = ComposerErrors | TicketChangeErrors | TicketDetailsErrors | TicketLinksErrors | CallBackErrors | WhatsappTemplateErrors;

/** One `intent` field picks what the posted form does; each intent's work lives in its own .server module. */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireAgent(request);
  const id = ticketIdOrNotFound(params.id);
  const posted = await readPostedForm(request);
  const { form } = posted;
  const intent = form.get('intent');

  if (intent === 'details' || intent === 'take') return ticketDetailsAction(ctx, request, id, form);
  if (isLinkIntent(intent)) return ticketLinksAction(ctx, request, id, form, intent);
  if (intent === 'reply') return ticketReplyAction(ctx, request, id, posted);
  if (intent === 'whatsapp-template') return whatsappTemplateAction(ctx, request, id, form);
  if (intent === 'call-back') return callBackAction(ctx, request, id, form);
  if (intent === 'status' || intent === 'priority') return ticketStatusAction(ctx, request, id, form, intent);
  return data({ intent: 'status' as const, formError: 'Unknown action.' }, { status: 400 });
}

export default function TicketView() {
  const { ticket, sla, catalog, links, userId, entries, olderHref, view, audit, now, timeZone, fileLimit, entryNotes, whatsappTemplates, myPhone, receipts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const conflict = actionData && (actionData.intent === 'status' || actionData.intent === 'priority') && actionData.conflict ? actionData : null;
  const delivery = OUTBOUND_CHANNELS.has(ticket.channel) ? `by ${channelLabel(ticket.channel)}` : '';

  return (
    <div className="sb-ticket" data-testid="ticket" data-ticket-id={ticket.id} data-version={ticket.version}>
      <TicketHeader ticket={ticket} sla={sla} userId={userId} now={now} timeZone={timeZone} conflict={conflict} />

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
          <TicketFacts ticket={ticket} sla={sla} now={now} timeZone={timeZone} />
          {audit ? <AuditTrail entries={audit as AuditEntry[]} now={now} timeZone={timeZone} /> : null}
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
