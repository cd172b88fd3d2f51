export interface TicketFieldChange {
  field: 'status' | 'urgency' | 'importance';
  from: string;
  to: string;
}

export class TicketUpdatedEvent {
  constructor(
    readonly ticketId: number,
    readonly changes: TicketFieldChange[],
    readonly actorId: number,
  ) {}
}
