import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TicketRouter, type RouteOutcome } from '../../ticket-router.js';
import { RouteTicketCommand } from './route-ticket.command.js';

/** Dispatched by the routing saga; never throws (a failing saga command would stop the saga): the reconciliation retries. */
@CommandHandler(RouteTicketCommand)
export class RouteTicketHandler implements ICommandHandler<RouteTicketCommand, RouteOutcome | null> {
  private readonly logger = new Logger(RouteTicketHandler.name);

  constructor(private readonly router: TicketRouter) {}

  async execute({ ticketId }: RouteTicketCommand): Promise<RouteOutcome | null> {
    try {
      return await this.router.route(ticketId);
    } catch (error) {
      this.logger.error(`ticket #${ticketId}: routing failed, the periodic reconciliation will retry: ${(error as Error).message}`);
      return null;
    }
  }
}
