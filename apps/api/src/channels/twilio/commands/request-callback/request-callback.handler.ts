import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { CALLBACK_TAG, type Ticket } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { CreateTicketCommand } from '../../../../tickets/commands/create-ticket/create-ticket.command.js';
import { UpdateTicketCommand } from '../../../../tickets/commands/update-ticket/update-ticket.command.js';
import { GetTicketQuery } from '../../../../tickets/queries/get-ticket/get-ticket.query.js';
import { SystemActor } from '../../../../users/system-actor.js';
import { CustomerPhonesRepository } from '../../customer-phones.repository.js';
import { parseTwilioAddress } from '../../twilio-address.js';
import { TwilioErrors } from '../../twilio.errors.js';
import { RequestCallbackCommand } from './request-callback.command.js';

/**
 * Opens an urgent phone ticket "Callback requested by <number>" for the customer, tagged
 * callback-requested (by the system: customers cannot tag), and remembers the number as theirs
 * unless it already belongs to someone. Asking again for the same number while that ticket is still
 * open (a form sent twice, an impatient second click) gives the same ticket: one named lock per
 * customer makes the look-up and the creation one step, also across api processes.
 */
@CommandHandler(RequestCallbackCommand)
export class RequestCallbackHandler implements ICommandHandler<RequestCallbackCommand, Ticket> {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly phones: CustomerPhonesRepository,
    private readonly system: SystemActor,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, phone, window }: RequestCallbackCommand): Promise<Ticket> {
    if (actor.ability.cannot('create', 'CallbackRequest')) throw TwilioErrors.forbidden('request a callback');
    const address = parseTwilioAddress(phone);
    if (!address || address.channel !== 'sms') throw TwilioErrors.invalidPhone('phone');
    await this.phones.claim(actor.user.id, address.e164);
    const subject = `Callback requested by ${address.e164}`;
    const id = await this.underLock(actor.user.id, async () => {
      const open = await this.openRequest(actor.user.id, subject);
      if (open) return open;
      const description = [`Please call me back at ${address.e164}.`, window ? `Preferred time: ${window}` : null].filter(Boolean).join('\n');
      const ticket = await this.commands.execute(new CreateTicketCommand(actor, { subject, description, urgency: 'high', importance: 'medium' }, 'phone'));
      await this.commands.execute(new UpdateTicketCommand(await this.system.get(), ticket.id, { addTags: [CALLBACK_TAG] }));
      return ticket.id;
    });
    return this.queries.execute(new GetTicketQuery(actor, id));
  }

  /** The customer's callback ticket for this number that is still open, if any. */
  private async openRequest(requesterId: number, subject: string): Promise<number | null> {
    const [row] = await this.sequelize.query<{ id: number }>(
      `SELECT t.id FROM tickets t
         JOIN ticket_tags tt ON tt.ticket_id = t.id
         JOIN tags g ON g.id = tt.tag_id AND g.name = ?
        WHERE t.requester_id = ? AND t.channel = 'phone' AND t.subject = ? AND t.status NOT IN ('resolved', 'closed')
        ORDER BY t.id DESC LIMIT 1`,
      { replacements: [CALLBACK_TAG, requesterId, subject], type: QueryTypes.SELECT },
    );
    return row ? Number(row.id) : null;
  }

  /**
   * Runs `work` holding a named lock for this customer (GET_LOCK, MySQL and MariaDB alike) on a
   * connection of its own; the name is hashed with the database's so other databases never wait on it.
   */
  private underLock<T>(userId: number, work: () => Promise<T>): Promise<T> {
    const name = `SHA1(CONCAT(DATABASE(), ':callback-request:', ?))`;
    return this.sequelize.transaction(async (transaction) => {
      const [lock] = await this.sequelize.query<{ got: number | null }>(`SELECT GET_LOCK(${name}, 10) AS got`, {
        replacements: [userId],
        type: QueryTypes.SELECT,
        transaction,
      });
      if (Number(lock?.got) !== 1) throw TwilioErrors.busy();
      try {
        return await work();
      } finally {
        await this.sequelize.query(`SELECT RELEASE_LOCK(${name})`, { replacements: [userId], type: QueryTypes.SELECT, transaction });
      }
    });
  }
}
