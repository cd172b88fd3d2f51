/** A staff member was suspended: their open tickets must go back to the team queues (routing owns that saga). */
export class AgentSuspendedEvent {
  constructor(
    readonly userId: number,
    readonly name: string,
    readonly actorId: number,
  ) {}
}
