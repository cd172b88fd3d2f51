import { Injectable } from '@nestjs/common';
import type { SatisfactionRating } from '@switchboard/contracts';
import type { Transaction } from 'sequelize';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthUser } from '../common/actor.js';
import { SatisfactionErrors } from './satisfaction.errors.js';
import { toSatisfactionRating } from './satisfaction.mapper.js';
import { SatisfactionRepository, type RatedTicket } from './satisfaction.repository.js';

export const RATEABLE_STATUSES = ['resolved', 'closed'];

export interface RatingInput {
  rating: number;
  comment?: string | null;
  source: 'portal' | 'link';
  /** Where the rating came from, for the audit row (the requester is its author). */
  ip: string | null;
  userAgent: string | null;
}

/** What both ways of rating share: the status rule, the credited agent, the upsert and its audit row. */
@Injectable()
export class RatingRecorder {
  constructor(
    private readonly ratings: SatisfactionRepository,
    private readonly audit: AuditRepository,
  ) {}

  async record(ticket: RatedTicket, input: RatingInput, transaction: Transaction): Promise<SatisfactionRating> {
    if (!RATEABLE_STATUSES.includes(ticket.status)) throw SatisfactionErrors.notResolved(ticket.id);
    const before = await this.ratings.forTicket(ticket.id, transaction);
    const agentId = await this.ratings.creditedAgent(ticket, transaction);
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    await this.ratings.upsert(
      { ticketId: ticket.id, rating: input.rating, comment, customerId: ticket.requesterId, agentId, source: input.source },
      transaction,
    );
    await this.audit.record(
      { user: { id: ticket.requesterId } as AuthUser, ip: input.ip, userAgent: input.userAgent },
      {
        action: 'satisfaction.rated',
        subjectType: 'Ticket',
        subjectId: ticket.id,
        before: before ? { rating: before.rating, comment: before.comment } : null,
        after: { rating: input.rating, comment, agentId, via: input.source },
      },
      transaction,
    );
    return toSatisfactionRating((await this.ratings.forTicket(ticket.id, transaction))!);
  }
}
