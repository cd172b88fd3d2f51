import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RoutingRepository } from '../../routing.repository.js';
import { TicketRouter } from '../../ticket-router.js';
import { DrainTeamQueueCommand } from './drain-team-queue.command.js';

@CommandHandler(DrainTeamQueueCommand)
export class DrainTeamQueueHandler implements ICommandHandler<DrainTeamQueueCommand, number> {
  private readonly logger = new Logger(DrainTeamQueueHandler.name);

  constructor(
    private readonly router: TicketRouter,
    private readonly routing: RoutingRepository,
  ) {}

  async execute({ target }: DrainTeamQueueCommand): Promise<number> {
    let assigned = 0;
    try {
      let teamIds: number[];
      if ('teamIds' in target) teamIds = target.teamIds;
      else if ('userId' in target) teamIds = await this.routing.teamsOf(target.userId);
      else {
        const ticket = await this.routing.ticket(target.freedByTicketId);
        const assigneeTeams = ticket?.assigneeId ? await this.routing.teamsOf(ticket.assigneeId) : [];
        teamIds = [...new Set([...(ticket?.teamId ? [ticket.teamId] : []), ...assigneeTeams])];
      }
      for (const teamId of teamIds) assigned += await this.router.drain(teamId);
    } catch (error) {
      this.logger.error(`draining ${JSON.stringify(target)} failed, the periodic reconciliation will retry: ${(error as Error).message}`);
    }
    return assigned;
  }
}
