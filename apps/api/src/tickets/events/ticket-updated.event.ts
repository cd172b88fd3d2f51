export type TicketField = 'status' | 'urgency' | 'importance' | 'issue_type' | 'category' | 'team' | 'assignee' | 'tags';

export interface TicketFieldChange {
  field: TicketField;
  from: string | null;
  to: string | null;
}

export class TicketUpdatedEvent {
  constructor(
    readonly ticketId: number,
    readonly changes: TicketFieldChange[],
    readonly actorId: number,
  ) {}
}
