import { zTicketId, type AuditEntry, type Ticket, type TicketLink, type Timeline as TimelineData } from '@switchboard/contracts';
import { timelineFilterKinds } from '@switchboard/ui';
import { apiFailure, notFound } from '~/api.server';
import { FILE_LIMIT } from '~/attachments.server';
import { queueApi } from '~/queue-api.server';
import type { AgentContext } from '~/session.server';
import { loadTicketExtras } from '~/ticket-extras.server';
import { linksApi } from '~/ticket-links.server';
import { loadOlderPages, timelineSearch, timelineViewFrom } from '~/timeline-view';

export function ticketIdOrNotFound(raw: string | undefined): number {
  const parsed = zTicketId.safeParse(raw);
  if (!parsed.success) notFound(`There is no ticket "${raw}".`);
  return parsed.data;
}

/**
 * Everything the ticket page shows: the ticket, its timeline (with the older pages the URL asks for),
 * its links, the catalog for the details editors, the audit trail for managers and admins, and the
 * side panels it can do without (loadTicketExtras).
 */
export async function loadTicketView({ api, session, timeZone, user }: AgentContext, request: Request, id: number) {
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
