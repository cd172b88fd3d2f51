/**
 * An entry already on a timeline changed after it was added: a call's recording or transcript was
 * filled in (`call`), or a reply's delivery state moved (`delivery`). Published after the change is
 * committed; realtime turns it into an `entry.updated` live event on the entry's ticket.
 */
export class TicketEntryUpdatedEvent {
  constructor(
    readonly entryId: number,
    readonly change: 'call' | 'delivery',
    /** Who caused it; 0 for a provider's callback (nobody on the page). */
    readonly actorId = 0,
  ) {}
}
