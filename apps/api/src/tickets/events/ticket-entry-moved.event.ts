/** A customer message moved to another ticket (moved by an agent, or split off into a new one). */
export class TicketEntryMovedEvent {
  constructor(
    readonly entryId: number,
    readonly fromTicketId: number,
    readonly toTicketId: number,
    readonly actorId: number,
    readonly actorName: string,
    readonly how: 'moved' | 'split',
    readonly reason: string | null,
  ) {}
}
