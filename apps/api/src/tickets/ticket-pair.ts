import { Injectable } from '@nestjs/common';
import type { Transaction } from 'sequelize';
import type { Actor } from '../common/actor.js';
import type { TicketModel } from './ticket.model.js';
import { TicketRepository } from './ticket.repository.js';
import { ticketSubject } from './ticket.subject.js';
import { TicketErrors } from './tickets.errors.js';

/**
 * Loads two tickets for a change that touches both (merge, link), locked in id order so two
 * concurrent merges of the same pair cannot deadlock, each checked against the actor's ability.
 */
@Injectable()
export class TicketPair {
  constructor(private readonly tickets: TicketRepository) {}

  async lock(actor: Actor, id: number, otherId: number, otherField: string, transaction: Transaction): Promise<[TicketModel, TicketModel]> {
    if (id === otherId) throw TicketErrors.cannotMerge(otherField, 'must be another ticket');
    const [lowId, highId] = id < otherId ? [id, otherId] : [otherId, id];
    const low = await this.tickets.findById(lowId, { transaction, forUpdate: true });
    const high = await this.tickets.findById(highId, { transaction, forUpdate: true });
    const first = id === lowId ? low : high;
    const second = id === lowId ? high : low;
    if (!first || actor.ability.cannot('read', ticketSubject(first))) throw TicketErrors.notFound(id);
    if (!second || actor.ability.cannot('read', ticketSubject(second))) {
      throw TicketErrors.invalidReference(otherField, `there is no ticket #${otherId}`);
    }
    for (const t of [first, second]) {
      if (actor.ability.cannot('update', ticketSubject(t))) throw TicketErrors.forbidden(`change ticket #${t.id}`);
    }
    return [first, second];
  }
}
