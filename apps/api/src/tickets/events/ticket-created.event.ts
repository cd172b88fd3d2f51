export class TicketCreatedEvent {
  constructor(
    readonly ticketId: number,
    readonly requesterId: number,
    readonly actorId: number,
  ) {}
}
