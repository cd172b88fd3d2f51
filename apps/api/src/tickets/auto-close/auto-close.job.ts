import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DomainError } from '../../common/domain-error.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { SystemActor } from '../../users/system-actor.js';
import { UpdateTicketCommand } from '../commands/update-ticket/update-ticket.command.js';
import { autoCloseCutoff, ResolvedTicketsFinder } from './resolved-tickets.finder.js';

const BATCH = 100;
const INTERVAL = 'tickets-auto-close';

/**
 * Closes resolved tickets AUTO_CLOSE_DAYS after they were resolved. Timers are data: each run is a query
 * over resolved_at, so a restart loses nothing and a second run (or a second worker) closes nothing twice.
 * Each close goes through UpdateTicketCommand as the system user, with the version it read, so it gets
 * its timeline event and audit row, and a ticket reopened meanwhile is left alone (stale version).
 */
@Injectable()
export class AutoCloseJob implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AutoCloseJob.name);
  private running = false;

  constructor(
    private readonly finder: ResolvedTicketsFinder,
    private readonly commands: CommandBus,
    private readonly system: SystemActor,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.scheduler.addInterval(INTERVAL, setInterval(() => void this.tick(), this.config.autoCloseEveryMs));
  }

  onApplicationShutdown() {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
  }

  private async tick() {
    if (this.running) return;
    this.running = true;
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`auto-close failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** One pass: closes every due ticket; returns the ids it closed. */
  async run(now = new Date()): Promise<number[]> {
    const cutoff = autoCloseCutoff(now, this.config.autoCloseDays);
    const actor = await this.system.get();
    const closed: number[] = [];
    for (;;) {
      const due = await this.finder.due(cutoff, BATCH);
      let progressed = false;
      for (const ticket of due) {
        try {
          await this.commands.execute(new UpdateTicketCommand(actor, ticket.id, { status: 'closed', version: ticket.version }));
          closed.push(ticket.id);
          progressed = true;
        } catch (error) {
          // Changed since we read it (reopened, closed by someone else): its new state wins.
          if (!(error instanceof DomainError)) throw error;
          this.logger.debug(`ticket #${ticket.id} not auto-closed: ${error.message}`);
        }
      }
      if (due.length < BATCH || !progressed) break;
    }
    if (closed.length) this.logger.log(`auto-closed ${closed.length} resolved ticket(s)`);
    return closed;
  }
}
