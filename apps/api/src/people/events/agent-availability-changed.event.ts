import type { Availability } from '@switchboard/contracts';

/** An agent's availability, status, capacity or teams changed: routing may now hand them waiting tickets. */
export class AgentAvailabilityChangedEvent {
  constructor(
    readonly userId: number,
    readonly availability: Availability,
    readonly actorId: number,
  ) {}
}
