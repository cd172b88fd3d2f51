import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { AppConfig } from '../../../config/config.schema.js';
import { baseAddress, SupportAddresses } from '../addresses/support-addresses.js';
import type { InboundMessage } from '../inbound/inbound-message.js';
import { ticketIdFromToken, tokenInRecipients } from './reply-token.js';
import { normalizeSubject, ticketNumberInSubject } from './subject.js';
import { ThreadStore, type TicketRef } from './thread-store.js';

const DAY_MS = 86_400_000;
/** The fallback only looks at the sender's tickets updated this recently. */
export const SUBJECT_FALLBACK_DAYS = 7;

/** Who wrote the mail, as threading needs to know them. */
export interface Sender {
  email: string;
  userId: number | null;
  companyId: number | null;
}

/** Where an inbound message goes, and why (shown to agents next to the entry). */
export type Route =
  | { kind: 'existing'; ticketId: number; route: string; reason: string; grantedAccess: boolean }
  | { kind: 'new'; route: string; reason: string };

const isRoute = (value: Route | { reason: string } | null): value is Route => value != null && 'kind' in value;

/**
 * Threading, in this order: a ticket reference (the signed plus-address, then `[#1234]` in the
 * subject), honoured only for the requester, a CC'd participant or someone of the requester's
 * company; then In-Reply-To / References against every Message-ID we stored or sent; then the
 * same sender's one open ticket with the same normalized subject in the last 7 days. Otherwise new.
 */
@Injectable()
export class ThreadRouter {
  constructor(
    private readonly store: ThreadStore,
    private readonly addresses: SupportAddresses,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** May this sender write on this ticket? 'requester' needs no extra grant; the others do. */
  private async relation(ticket: TicketRef, sender: Sender): Promise<'requester' | 'participant' | 'company' | null> {
    if (ticket.requesterEmail.toLowerCase() === sender.email) return 'requester';
    if (await this.store.isParticipant(ticket.id, sender.email)) return 'participant';
    if (ticket.companyId != null && sender.companyId === ticket.companyId) return 'company';
    return null;
  }

  async route(message: InboundMessage, sender: Sender): Promise<Route> {
    const notes: string[] = [];
    const recipients = [...message.envelopeTo, ...message.to.map((a) => a.address), ...message.cc.map((a) => a.address)];

    let token: string | null = null;
    for (const ours of await this.addresses.ours()) token ??= tokenInRecipients(recipients, ours);
    if (token) {
      const id = ticketIdFromToken(token, this.config.signingSecret);
      const found = id == null ? null : await this.attach(id, sender, 'plus_address', 'matched by the signed reply address');
      if (isRoute(found)) return found;
      notes.push(id == null ? 'the reply address token is not valid' : (found?.reason ?? `ticket #${id} does not exist`));
    }

    const number = ticketNumberInSubject(message.subject);
    if (number != null) {
      const found = await this.attach(number, sender, 'subject_token', `matched by [#${number}] in the subject`);
      if (isRoute(found)) return found;
      notes.push(found?.reason ?? `ticket #${number} does not exist`);
    }

    const byHeader = await this.store.ticketByMessageIds(message.inReplyTo);
    const byReferences = byHeader ? null : await this.store.ticketByMessageIds([...message.references].reverse());
    const hit = byHeader ?? byReferences;
    if (hit) {
      const how = byHeader ? 'matched by the In-Reply-To header' : 'matched by the References header';
      const found = await this.attach(hit.ticketId, sender, byHeader ? 'in_reply_to' : 'references', how);
      if (isRoute(found)) return found;
      if (found) notes.push(found.reason);
    }

    if (sender.userId != null) {
      const subject = normalizeSubject(message.subject);
      if (subject) {
        const since = new Date(Date.now() - SUBJECT_FALLBACK_DAYS * DAY_MS);
        const candidates = (await this.store.recentOpenTickets(sender.userId, since)).filter((t) => normalizeSubject(t.subject) === subject);
        if (candidates.length === 1) {
          return {
            kind: 'existing',
            ticketId: candidates[0]!.id,
            route: 'subject_fallback',
            reason: `matched by sender and subject (one open ticket in the last ${SUBJECT_FALLBACK_DAYS} days)`,
            grantedAccess: false,
          };
        }
        if (candidates.length > 1) notes.push(`${candidates.length} open tickets have this subject`);
      }
    }

    return { kind: 'new', route: notes.length ? 'new_unmatched_reference' : 'new', reason: notes.length ? `new: ${notes.join('; ')}` : 'new: no reference to an existing ticket' };
  }

  private async attach(ticketId: number, sender: Sender, route: string, reason: string): Promise<Route | { reason: string } | null> {
    const ticket = await this.store.ticket(ticketId);
    if (!ticket) return null;
    const relation = await this.relation(ticket, sender);
    if (!relation) {
      // A stranger quoting a ticket number (or a token someone forwarded) gets a ticket of their own.
      return { reason: `sender is not a participant of #${ticketId}` };
    }
    const who = relation === 'requester' ? '' : relation === 'participant' ? ' (sender was copied on the ticket)' : ' (sender is from the requester\'s company)';
    return { kind: 'existing', ticketId, route, reason: `${reason}${who}`, grantedAccess: relation !== 'requester' };
  }

  /** Recipients of a message besides our own addresses: who gets copied on the ticket. */
  async copied(message: InboundMessage, sender: string): Promise<string[]> {
    const ours = new Set(await this.addresses.ours());
    return [...message.to, ...message.cc].map((a) => a.address).filter((a) => a !== sender && !ours.has(baseAddress(a)));
  }

  /** Is this one of our own addresses (SUPPORT_EMAIL, a configured support address, or a plus-address of one)? */
  async isOwnAddress(address: string): Promise<boolean> {
    return (await this.addresses.ours()).includes(baseAddress(address));
  }
}
