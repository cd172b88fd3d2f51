import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { TicketEntryMovedEvent } from '../../../tickets/events/ticket-entry-moved.event.js';

/**
 * When an agent moves an emailed message to another ticket (or splits it off), the email follows:
 * its Message-ID threads later replies to the new ticket, and its inbound row says where it went and
 * why (agents read it under the entry). Two UPDATEs that cannot fail on a business rule; an
 * exception is logged, never thrown into the event bus (nestjs/cqrs#409).
 */
@EventsHandler(TicketEntryMovedEvent)
export class EntryMovedHandler implements IEventHandler<TicketEntryMovedEvent> {
  private readonly logger = new Logger(EntryMovedHandler.name);

  constructor(private readonly sequelize: Sequelize) {}

  async handle(event: TicketEntryMovedEvent) {
    try {
      const what = event.how === 'split' ? 'split off' : 'moved';
      const reason = `${what} from #${event.fromTicketId} by ${event.actorName}${event.reason ? `: ${event.reason}` : ''}`.slice(0, 255);
      await this.sequelize.transaction(async (transaction) => {
        await this.sequelize.query('UPDATE email_message_ids SET ticket_id = ? WHERE ticket_entry_id = ?', {
          replacements: [event.toTicketId, event.entryId],
          transaction,
        });
        await this.sequelize.query(`UPDATE inbound_emails SET ticket_id = ?, route = ?, route_reason = ? WHERE ticket_entry_id = ?`, {
          replacements: [event.toTicketId, event.how === 'split' ? 'split' : 'moved', reason, event.entryId],
          transaction,
        });
      });
    } catch (error) {
      this.logger.error(`entry ${event.entryId} moved to #${event.toTicketId}, but its email bookkeeping failed: ${(error as Error).message}`);
    }
  }
}
