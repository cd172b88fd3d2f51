import { Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { TicketEntryUpdatedEvent } from '../../tickets/events/ticket-entry-updated.event.js';
import type { DeliveryState } from './delivery-status.js';
import { TwilioDeliveriesRepository } from './twilio-deliveries.repository.js';
import { TwilioInboundRepository, type InboundOutcome, type InboundRow } from './twilio-inbound.repository.js';

export interface DeliveryReport {
  sid: string;
  state: DeliveryState;
  error: string | null;
}

/**
 * Status callbacks of the messages we sent. One that finds its message is applied at once (only
 * forward, see delivery-status.ts). One that arrives before the worker saved the message's sid
 * (Twilio can call back before `messages.create` has returned to us) is not dropped: it is stored
 * in twilio_inbound as kind 'status', keyed `<MessageSid>:<state>` (a redelivery stores nothing), and
 * applied by its job if the sid is there by then, else by the sender right after it saves the sid.
 */
@Injectable()
export class DeliveryReports {
  private readonly logger = new Logger(DeliveryReports.name);

  constructor(
    private readonly sequelize: Sequelize,
    private readonly deliveries: TwilioDeliveriesRepository,
    private readonly inbound: TwilioInboundRepository,
    private readonly events: EventBus,
  ) {}

  /** Applies a report; when it moved the message on, an open ticket page shows the reply's new state at once. */
  private async report(report: DeliveryReport): Promise<boolean> {
    const applied = await this.deliveries.report(report.sid, report.state, report.error);
    if (applied) await this.announce(report.sid);
    return applied;
  }

  /** The message with this sid changed (sent, or a report applied): its entry's `entry.updated`. */
  async announce(sid: string) {
    const entryId = await this.deliveries.entryOf(sid);
    if (entryId !== null) this.events.publish(new TicketEntryUpdatedEvent(entryId, 'delivery'));
  }

  /** The webhook: applied, or kept for when the message's sid is known. */
  async receive(report: DeliveryReport, params: Record<string, string>): Promise<'applied' | 'stale' | 'pending'> {
    if (await this.report(report)) return 'applied';
    if (await this.deliveries.hasSid(report.sid)) return 'stale';
    await this.inbound.accept({ kind: 'status', sid: `${report.sid}:${report.state}`, channel: 'sms', from: params.From ?? '', to: params.To ?? '', payload: params });
    return 'pending';
  }

  /** The stored report's job (the caller holds its row lock). */
  async apply(row: InboundRow): Promise<InboundOutcome> {
    const report = reportOf(row);
    if (await this.report(report)) return { outcome: 'applied', ticketId: null, entryId: null };
    return { outcome: (await this.deliveries.hasSid(report.sid)) ? 'stale' : 'pending', ticketId: null, entryId: null };
  }

  /** The sender just saved the sid: reports that came before it are applied now, in the order they came. */
  async applyPending(sid: string) {
    const rows = await this.sequelize.query<InboundRow>(
      "SELECT * FROM twilio_inbound WHERE kind = 'status' AND sid LIKE ? AND (outcome IS NULL OR outcome = 'pending') ORDER BY id",
      { type: QueryTypes.SELECT, replacements: [`${sid.replace(/[%_\\]/g, '\\$&')}:%`] },
    );
    for (const row of rows) {
      const parsed = { ...row, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload };
      const report = reportOf(parsed);
      const applied = await this.report(report);
      await this.sequelize.query("UPDATE twilio_inbound SET outcome = ?, processed_at = COALESCE(processed_at, CURRENT_TIMESTAMP(3)) WHERE id = ?", {
        replacements: [applied ? 'applied' : 'stale', row.id],
      });
      this.logger.debug(`status ${report.state} of ${sid} arrived before its sid was saved: ${applied ? 'applied' : 'stale'} now`);
    }
  }
}

export function deliveryError(params: Record<string, string>): string | null {
  const error = params.ErrorCode ? `Twilio error ${params.ErrorCode}${params.ErrorMessage ? `: ${params.ErrorMessage}` : ''}` : null;
  return error?.slice(0, 255) ?? null;
}

function reportOf(row: InboundRow): DeliveryReport {
  const p = row.payload as Record<string, string>;
  const cut = row.sid.lastIndexOf(':');
  return { sid: row.sid.slice(0, cut), state: row.sid.slice(cut + 1) as DeliveryState, error: deliveryError(p) };
}
