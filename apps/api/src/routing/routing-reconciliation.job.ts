import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { DrainTeamQueueCommand } from './commands/drain-team-queue/drain-team-queue.command.js';
import { ReleaseAgentTicketsCommand } from './commands/release-agent-tickets/release-agent-tickets.command.js';
import { RoutingRepository } from './routing.repository.js';

const INTERVAL = 'routing-reconciliation';

/**
 * Events are an optimisation, the queue is data: every ROUTING_RECONCILE_MS the worker drains each
 * automatic team that has tickets waiting, so a ticket whose event was lost (a crash right after
 * commit) is still routed, and a suspended agent's open tickets (a lost AgentSuspended) are handed back. Safe beside the api's saga: both take the same team lock.
 */
@Injectable()
export class RoutingReconciliationJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RoutingReconciliationJob.name);
  private running = false;

  constructor(
    private readonly routing: RoutingRepository,
    private readonly commands: CommandBus,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.scheduler.addInterval(INTERVAL, setInterval(() => void this.tick(), this.config.routingReconcileMs));
  }

  onApplicationShutdown() {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
  }

  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      // A suspension whose event was lost: hand that agent's tickets back first, then drain.
      for (const user of await this.routing.suspendedWithOpenTickets()) await this.commands.execute(new ReleaseAgentTicketsCommand(user.id, user.name));
      const teamIds = await this.routing.teamsWithWaiting();
      return teamIds.length ? await this.commands.execute(new DrainTeamQueueCommand({ teamIds })) : 0;
    } catch (error) {
      this.logger.error(`routing reconciliation failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
