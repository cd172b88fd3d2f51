import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import type { TicketLink } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { TicketLinkRepository } from '../../links/ticket-link.repository.js';
import { GetTicketLinksQuery } from '../../queries/get-ticket-links/get-ticket-links.query.js';
import { TicketPair } from '../../ticket-pair.js';
import { LinkTicketsCommand } from './link-tickets.command.js';

@CommandHandler(LinkTicketsCommand)
export class LinkTicketsHandler implements ICommandHandler<LinkTicketsCommand, { links: TicketLink[] }> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly pair: TicketPair,
    private readonly links: TicketLinkRepository,
    private readonly audit: AuditRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ actor, ticketId, otherId, remove }: LinkTicketsCommand) {
    await this.sequelize.transaction(async (transaction) => {
      await this.pair.lock(actor, ticketId, otherId, 'otherId', transaction);
      if (remove) await this.links.unlinkRelated(ticketId, otherId, transaction);
      else await this.links.link(ticketId, otherId, 'related', actor.user.id, transaction);
      await this.audit.record(
        actor,
        { action: remove ? 'ticket.unlinked' : 'ticket.linked', subjectType: 'Ticket', subjectId: ticketId, after: { related: otherId } },
        transaction,
      );
    });
    return this.queries.execute(new GetTicketLinksQuery(actor, ticketId));
  }
}
