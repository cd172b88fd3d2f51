import { Injectable } from '@nestjs/common';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';

export interface DueTicket {
  id: number;
  version: number;
}

const DAY_MS = 86_400_000;

/** Tickets resolved before this moment are due to close. */
export function autoCloseCutoff(now: Date, afterDays: number): Date {
  return new Date(now.getTime() - afterDays * DAY_MS);
}

/** The SQL the job runs; it walks the (status, resolved_at) index. */
export const DUE_SQL =
  "SELECT id, version FROM tickets WHERE status = 'resolved' AND resolved_at < ? ORDER BY resolved_at, id LIMIT ?";

/** Resolved tickets whose resolved_at is older than the cutoff, oldest first. */
@Injectable()
export class ResolvedTicketsFinder {
  constructor(private readonly sequelize: Sequelize) {}

  due(cutoff: Date, limit: number): Promise<DueTicket[]> {
    return this.sequelize.query<DueTicket>(DUE_SQL, { replacements: [cutoff, limit], type: QueryTypes.SELECT });
  }
}
