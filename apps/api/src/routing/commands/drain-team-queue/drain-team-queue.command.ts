import { Command } from '@nestjs/cqrs';

export type DrainTarget = { teamIds: number[] } | { userId: number } | { freedByTicketId: number };

/**
 * Assign waiting tickets to whoever can take them now: of these teams, of the teams of `userId`
 * (they came online), or of the team and assignee of a ticket that was just resolved or closed (capacity freed).
 */
export class DrainTeamQueueCommand extends Command<number> {
  constructor(readonly target: DrainTarget) {
    super();
  }
}
