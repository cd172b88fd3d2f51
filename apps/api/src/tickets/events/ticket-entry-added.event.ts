import type { EntryKind, Visibility } from '@switchboard/contracts';

export class TicketEntryAddedEvent {
  constructor(
    readonly ticketId: number,
    readonly entryId: number,
    readonly kind: EntryKind,
    readonly visibility: Visibility,
    readonly actorId: number,
  ) {}
}
