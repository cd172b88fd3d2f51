import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Channel, Level } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import type { Actor } from '../../common/actor.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { AddTicketEntryCommand } from '../../tickets/commands/add-ticket-entry/add-ticket-entry.command.js';
import { CreateTicketCommand } from '../../tickets/commands/create-ticket/create-ticket.command.js';
import type { CallRecord } from '../../tickets/timeline/entry-calls.repository.js';
import type { InboundOutcome } from './twilio-inbound.repository.js';

const SUBJECT_MAX = 200;

/** The first non-empty line, cut to fit a subject. */
export function subjectFrom(body: string, fallback: string): string {
  const line = body.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? fallback;
  return line.length > SUBJECT_MAX ? `${line.slice(0, SUBJECT_MAX - 1)}…` : line;
}

export interface CustomerPost {
  channel: Channel;
  body: string;
  subject: string;
  attachmentIds?: number[];
  urgency?: Level;
  /** Always a new ticket (a callback request), never joining an open one. */
  newTicket?: boolean;
  /** What Twilio delivered (`twilio:<kind>:<sid>`, see sourceKeyOf): stored on the entry, so it lands once. */
  sourceKey: string;
  /** A phone call: the entry is a 'call' with these details. */
  call?: CallRecord;
}

/** The unique origin stored on the entry a stored webhook made: a retried job finds the entry by it. */
export const sourceKeyOf = (row: { kind: string; sid: string }) => `twilio:${row.kind}:${row.sid}`;

/**
 * Where something a customer sent by phone lands: their most recently active open ticket on the
 * same channel (within TWILIO_JOIN_HOURS), or a new ticket. Goes through the tickets module's
 * commands with the customer as the actor, so it is a 'message' with audit and outbox as usual.
 */
@Injectable()
export class CustomerTickets {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async post(actor: Actor, post: CustomerPost): Promise<InboundOutcome> {
    const earlier = await this.bySource(post.sourceKey);
    if (earlier) return earlier;
    const origin = { sourceKey: post.sourceKey, call: post.call };
    const openId = post.newTicket ? null : await this.openTicket(actor.user.id, post.channel);
    if (openId) {
      const entry = await this.commands.execute(
        new AddTicketEntryCommand(actor, openId, post.body, false, post.channel, post.attachmentIds ?? [], undefined, origin),
      );
      return { outcome: 'joined', ticketId: entry.ticketId, entryId: entry.id };
    }
    const ticket = await this.commands.execute(
      new CreateTicketCommand(
        actor,
        {
          subject: post.subject,
          description: post.body,
          urgency: post.urgency ?? 'medium',
          importance: 'medium',
          attachmentIds: post.attachmentIds,
          origin,
        },
        post.channel,
      ),
    );
    return { outcome: 'created', ticketId: ticket.id, entryId: await this.firstEntry(ticket.id) };
  }

  /**
   * The entry this delivery already made, if any: a job that ran the ticket command but died before
   * recording its outcome finds it here on retry (the key is written with the entry, atomically).
   */
  async bySource(sourceKey: string): Promise<InboundOutcome | null> {
    const [row] = await this.sequelize.query<{ id: number; ticket_id: number }>('SELECT id, ticket_id FROM ticket_entries WHERE source_key = ?', {
      type: QueryTypes.SELECT,
      replacements: [sourceKey],
    });
    return row ? { outcome: 'recovered', ticketId: Number(row.ticket_id), entryId: Number(row.id) } : null;
  }

  /** The customer's most recently active open ticket on this channel, within the join window. */
  private async openTicket(requesterId: number, channel: Channel): Promise<number | null> {
    const since = new Date(Date.now() - this.config.twilio.joinHours * 3_600_000);
    const [row] = await this.sequelize.query<{ id: number }>(
      `SELECT id FROM tickets WHERE requester_id = ? AND channel = ? AND status NOT IN ('resolved', 'closed') AND updated_at >= ?
        ORDER BY updated_at DESC, id DESC LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: [requesterId, channel, since] },
    );
    return row ? Number(row.id) : null;
  }

  private async firstEntry(ticketId: number): Promise<number | null> {
    const [row] = await this.sequelize.query<{ id: number }>('SELECT MIN(id) AS id FROM ticket_entries WHERE ticket_id = ?', {
      type: QueryTypes.SELECT,
      replacements: [ticketId],
    });
    return row?.id ? Number(row.id) : null;
  }
}
