import type { Ticket, TicketLink, TimelineEntry } from '@switchboard/contracts';
import { LinkedTickets, type TicketLinksErrors } from './LinkedTickets';
import { MergeForm } from './MergeForm';
import { MoveForm } from './MoveForm';
import { SplitForm } from './SplitForm';

export interface TicketLinksPanelProps {
  ticket: Pick<Ticket, 'id' | 'number' | 'status'>;
  links: TicketLink[];
  entries: Pick<TimelineEntry, 'id' | 'kind' | 'body' | 'author'>[];
  /** The last action's result, when it was a link, unlink, merge or split. */
  errors?: TicketLinksErrors;
}

/** The ticket page's side panel for other tickets: linked tickets, merge into another, split a message off. */
export function TicketLinksPanel({ ticket, links, entries, errors }: TicketLinksPanelProps) {
  return (
    <>
      <LinkedTickets links={links} errors={errors} />
      <MergeForm ticket={ticket} errors={errors?.intent === 'merge' ? errors : undefined} />
      <SplitForm status={ticket.status} entries={entries} errors={errors?.intent === 'split' ? errors : undefined} />
      <MoveForm status={ticket.status} entries={entries} errors={errors?.intent === 'move' ? errors : undefined} />
    </>
  );
}
