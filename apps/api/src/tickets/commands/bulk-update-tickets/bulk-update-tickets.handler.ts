import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { BulkUpdateResult } from '@switchboard/contracts';
import { DomainError } from '../../../common/domain-error.js';
import { UpdateTicketCommand } from '../update-ticket/update-ticket.command.js';
import { BulkUpdateTicketsCommand } from './bulk-update-tickets.command.js';

/**
 * Runs the update for each ticket on its own (its own transaction, events and audit row), so one
 * refused ticket does not undo the others; reports what failed and why.
 */
@CommandHandler(BulkUpdateTicketsCommand)
export class BulkUpdateTicketsHandler implements ICommandHandler<BulkUpdateTicketsCommand, BulkUpdateResult> {
  constructor(private readonly commands: CommandBus) {}

  async execute({ actor, ids, changes }: BulkUpdateTicketsCommand): Promise<BulkUpdateResult> {
    const result: BulkUpdateResult = { updated: [], failed: [] };
    for (const id of [...new Set(ids)]) {
      try {
        await this.commands.execute(new UpdateTicketCommand(actor, id, changes));
        result.updated.push(id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.failed.push({ id, code: error.code, message: error.message });
      }
    }
    return result;
  }
}
